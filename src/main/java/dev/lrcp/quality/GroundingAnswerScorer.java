package dev.lrcp.quality;

import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The {@link AnswerScorer}: grounding against the document when there is one, answer–question
 * relevance otherwise. Every scored answer is published as {@link AnswerScored}.
 */
@Component
class GroundingAnswerScorer implements AnswerScorer, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(GroundingAnswerScorer.class);

  private final GroundingScorer scorer;
  private final QualityProperties properties;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final ThreadPoolExecutor background;
  private final AtomicLong dropped = new AtomicLong();

  GroundingAnswerScorer(
      SentenceEmbedder embedder,
      QualityProperties properties,
      ApplicationEventPublisher events,
      ObjectProvider<Clock> clock) {
    this.scorer = new GroundingScorer(embedder, GroundingWeights.DEFAULT);
    this.properties = properties;
    this.events = events;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
    this.background =
        new ThreadPoolExecutor(
            properties.scoringThreads(),
            properties.scoringThreads(),
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(properties.scoringQueue()),
            Thread.ofPlatform().name("answer-scoring-", 0).daemon().factory(),
            (task, pool) -> dropOne());
  }

  @Override
  public QualityScores score(ScoringInput input) {
    QualityScores scores = evaluate(input.question(), input.document(), input.answer()).scores();
    events.publishEvent(
        new AnswerScored(
            clock.instant(),
            input.promptId(),
            input.endpoint(),
            input.model(),
            input.provider(),
            scores.semanticSimilarity(),
            scores.groundingScore(),
            scores.ungrounded()));
    return scores;
  }

  @Override
  public void scoreLater(ScoringInput input) {
    background.execute(() -> score(input));
  }

  /** Scores without publishing (offline evaluation through {@code POST /quality/score}). */
  Evaluation evaluate(String question, String document, String answer) {
    String q = question == null ? "" : question;
    String a = answer == null ? "" : answer;
    int words = Text.words(a);
    if (document == null || document.isBlank()) {
      double relevance = a.isBlank() || q.isBlank() ? 0 : scorer.relevance(q, a);
      return new Evaluation(new QualityScores(relevance, null, false, words), null);
    }
    if (a.isBlank()) {
      return new Evaluation(new QualityScores(0, 0.0, true, 0), null);
    }
    GroundingEvidence evidence = scorer.evidence(q, document, a);
    double grounding = scorer.score(evidence);
    boolean ungrounded = grounding < properties.ungroundedThreshold() && !Refusals.isRefusal(a);
    return new Evaluation(
        new QualityScores(evidence.similarity(), grounding, ungrounded, words), evidence);
  }

  /** Scores plus the evidence behind them; evidence is null without a document. */
  record Evaluation(QualityScores scores, GroundingEvidence evidence) {}

  /** Answers left unscored because the background queue was full. */
  long dropped() {
    return dropped.get();
  }

  private void dropOne() {
    long n = dropped.incrementAndGet();
    if (n == 1 || n % 100 == 0) {
      log.warn("answer scoring queue full; {} answers left unscored so far", n);
    }
  }

  @Override
  public void destroy() {
    background.shutdownNow();
  }
}
