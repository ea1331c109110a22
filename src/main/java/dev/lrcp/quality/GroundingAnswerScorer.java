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

  private final SentenceEmbedder embedder;
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
    this.embedder = embedder;
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
    var similarity = new SimilaritySource(embedder);
    QualityScores scores;
    GroundingEvidence evidence = null;
    String q = question == null ? "" : question;
    String a = answer == null ? "" : answer;
    int words = Text.words(a);
    var scorer = new GroundingScorer(similarity, GroundingWeights.DEFAULT);
    if (document == null || blank(document)) {
      double relevance = blank(a) || blank(q) ? 0 : scorer.relevance(q, a);
      scores = new QualityScores(relevance, null, false, words);
    } else if (blank(a)) {
      scores = new QualityScores(0, 0.0, true, 0);
    } else {
      evidence = scorer.evidence(q, document, a);
      double grounding = scorer.score(evidence);
      boolean ungrounded = grounding < properties.ungroundedThreshold() && !Refusals.isRefusal(a);
      scores = new QualityScores(evidence.similarity(), grounding, ungrounded, words);
    }
    return new Evaluation(scores, evidence, similarity.source());
  }

  private static boolean blank(String text) {
    return !VisibleTextValidator.isVisible(text);
  }

  /**
   * Scores plus the evidence behind them; evidence is null without a document.
   *
   * @param similarity what measured similarity: {@code minilm}, or {@code word_overlap} when the
   *     model was unavailable and scores rest on lexical evidence only
   */
  record Evaluation(QualityScores scores, GroundingEvidence evidence, String similarity) {}

  @Override
  public void destroy() {
    background.close();
  }
}
