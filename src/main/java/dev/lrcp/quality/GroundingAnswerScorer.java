package dev.lrcp.quality;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The {@link AnswerScorer}: grounding against the document when there is one, answer–question
 * relevance otherwise; background scoring within a CPU budget and a bounded queue.
 */
@Component
class GroundingAnswerScorer implements AnswerScorer, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(GroundingAnswerScorer.class);

  private final GroundingScorer scorer;
  private final QualityProperties properties;
  private final BackgroundScoring background;
  private final AtomicBoolean sampling = new AtomicBoolean();

  @Autowired
  GroundingAnswerScorer(SentenceEmbedder embedder, QualityProperties properties) {
    this(embedder, properties, BackgroundScoring.start(properties));
  }

  /** With the background pool and budget given (tests drive its clocks). */
  GroundingAnswerScorer(
      SentenceEmbedder embedder, QualityProperties properties, BackgroundScoring background) {
    this.scorer = new GroundingScorer(embedder, GroundingWeights.DEFAULT);
    this.properties = properties;
    this.background = background;
  }

  @Override
  public QualityScores score(ScoringInput input) {
    return evaluate(input.question(), input.document(), input.answer()).scores();
  }

  @Override
  public void scoreLater(ScoringInput input, Outcome outcome) {
    background
        .offer(() -> outcome.scored(score(input)))
        .ifPresent(
            reason -> {
              if (sampling.compareAndSet(false, true)) {
                // expected under sustained load (scoring is sampled), so said once, not per answer
                log.info(
                    "background answer scoring is sampling ({}); see llm.quality.unscored.count",
                    reason.tag());
              }
              outcome.unscored(reason);
            });
  }

  /** Scores plus the evidence behind them (offline evaluation through {@code /quality/score}). */
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

  @Override
  public void destroy() {
    background.close();
  }
}
