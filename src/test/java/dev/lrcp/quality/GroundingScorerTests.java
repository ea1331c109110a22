package dev.lrcp.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GroundingScorerTests {

  static final String DOCUMENT =
      "Acme offers two plans. The Basic plan costs $12 per month and includes 50 GB of storage. "
          + "The Pro plan costs $29 per month and includes 1 TB of storage and single sign-on. "
          + "All plans come with a 30-day refund window.";
  static final String QUESTION =
      "How much does the Pro plan cost and what storage does it include?";

  static MiniLmEmbedder embedder;

  @BeforeAll
  static void loadModel() {
    embedder = SharedModel.miniLm();
  }

  GroundingScorer scorer() {
    return new GroundingScorer(embedder, GroundingWeights.DEFAULT);
  }

  double grounding(String answer) {
    GroundingScorer s = scorer();
    return s.score(s.evidence(QUESTION, DOCUMENT, answer));
  }

  @Test
  void groundedAnswerScoresClearlyAboveUngroundedOne() {
    double grounded = grounding("The Pro plan costs $29 per month and includes 1 TB of storage.");
    double ungrounded =
        grounding("The Pro plan is free for students and includes unlimited GPU cluster hours.");

    assertThat(grounded).isGreaterThan(0.5);
    assertThat(ungrounded).isLessThan(0.5);
    assertThat(grounded - ungrounded).isGreaterThan(0.4);
  }

  @Test
  void wrongNumbersCostSupport() {
    GroundingScorer s = scorer();
    GroundingEvidence wrong = s.evidence(QUESTION, DOCUMENT, "It costs $49 and includes 5 TB.");
    GroundingEvidence right = s.evidence(QUESTION, DOCUMENT, "It costs $29 and includes 1 TB.");

    assertThat(wrong.numbers()).isZero();
    assertThat(right.numbers()).isEqualTo(1.0);
    assertThat(s.score(wrong)).isLessThan(s.score(right));
  }

  @Test
  void relevanceWithoutDocumentSeparatesOnTopicFromOffTopic() {
    GroundingScorer s = scorer();

    double onTopic = s.relevance(QUESTION, "The Pro plan costs $29 a month with 1 TB of storage.");
    double offTopic = s.relevance(QUESTION, "Paris is the capital of France.");

    assertThat(onTopic).isBetween(0.0, 1.0).isGreaterThan(offTopic + 0.3);
  }

  @Test
  void documentsAreCutIntoChunksThatFitTheModelWindow() {
    String longDocument = (DOCUMENT + " ").repeat(10) + "word ".repeat(100);

    assertThat(DocumentPieces.split(longDocument))
        .hasSizeGreaterThan(3)
        .allSatisfy(c -> assertThat(Text.words(c)).isLessThanOrEqualTo(DocumentPieces.MAX_WORDS));
  }

  @Test
  void fallsBackToLexicalEvidenceWhileTheModelIsUnavailable() {
    GroundingScorer s =
        new GroundingScorer(
            texts -> {
              throw new EmbedderUnavailableException(new IllegalStateException("loading"));
            },
            GroundingWeights.DEFAULT);

    GroundingEvidence e = s.evidence(QUESTION, DOCUMENT, "The Pro plan costs $29 per month.");

    assertThat(e.similarity()).isBetween(0.0, 1.0);
    assertThat(e.lexical()).isEqualTo(1.0);
  }

  @Test
  void refusalsAreRecognised() {
    assertThat(Refusals.isRefusal("I don't have information about that in the document.")).isTrue();
    assertThat(Refusals.isRefusal("The Pro plan costs $29.")).isFalse();
  }
}
