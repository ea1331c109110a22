package dev.lrcp.quality;

import dev.lrcp.quality.AnswerLeftUnscored.Reason;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The {@link AnswerScorer}: grounding against the document when there is one, answer–question
 * relevance otherwise. Every scored answer is published as {@link AnswerScored}; an answer that
 * {@link #scoreLater} leaves unscored (CPU budget spent, queue full) as {@link AnswerLeftUnscored}.
 */
@Component
class GroundingAnswerScorer implements AnswerScorer, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(GroundingAnswerScorer.class);

  private final GroundingScorer scorer;
  private final QualityProperties properties;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final BackgroundScoring background;
  private final Map<Reason, AtomicLong> unscored = new EnumMap<>(Reason.class);

  @Autowired
  GroundingAnswerScorer(
      SentenceEmbedder embedder,
      QualityProperties properties,
      ApplicationEventPublisher events,
      ObjectProvider<Clock> clock) {
    this(
        embedder,
        properties,
        events,
        clock.getIfAvailable(Clock::systemUTC),
        BackgroundScoring.start(properties));
  }

  /** With the background pool and budget given (tests drive its clocks). */
  GroundingAnswerScorer(
      SentenceEmbedder embedder,
      QualityProperties properties,
      ApplicationEventPublisher events,
      Clock clock,
      BackgroundScoring background) {
    this.scorer = new GroundingScorer(embedder, GroundingWeights.DEFAULT);
    this.properties = properties;
    this.events = events;
    this.clock = clock;
    this.background = background;
    for (Reason reason : Reason.values()) {
      unscored.put(reason, new AtomicLong());
    }
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
    background.offer(() -> score(input)).ifPresent(reason -> leaveUnscored(input, reason));
  }

  /** Scores without publishing (offline evaluation through {@code POST /quality/score}). */
  Evaluation evaluate(String question, String document, String answer) {
    String q = question == null ? "" : question;
    String a = answer == null ? "" : answer;
    int words = Text.words(a);
    if (document == null || blank(document)) {
      double relevance = blank(a) || blank(q) ? 0 : scorer.relevance(q, a);
      return new Evaluation(new QualityScores(relevance, null, false, words), null);
    }
    if (blank(a)) {
      return new Evaluation(new QualityScores(0, 0.0, true, 0), null);
    }
    GroundingEvidence evidence = scorer.evidence(q, document, a);
    double grounding = scorer.score(evidence);
    boolean ungrounded = grounding < properties.ungroundedThreshold() && !Refusals.isRefusal(a);
    return new Evaluation(
        new QualityScores(evidence.similarity(), grounding, ungrounded, words), evidence);
  }

  private static boolean blank(String text) {
    return !VisibleTextValidator.isVisible(text);
  }

  /** Scores plus the evidence behind them; evidence is null without a document. */
  record Evaluation(QualityScores scores, GroundingEvidence evidence) {}

  /** Answers {@link #scoreLater} left unscored for {@code reason} since start. */
  long unscored(Reason reason) {
    return unscored.get(reason).get();
  }

  private void leaveUnscored(ScoringInput input, Reason reason) {
    long n = unscored.get(reason).incrementAndGet();
    if (n == 1) {
      // Expected under sustained load (scoring is sampled), so said once, not per answer.
      log.info(
          "background answer scoring is sampling ({}); see llm.quality.unscored.count", reason);
    }
    events.publishEvent(
        new AnswerLeftUnscored(
            clock.instant(), input.endpoint(), input.model(), input.provider(), reason));
  }

  @Override
  public void destroy() {
    background.close();
  }
}
