package dev.lrcp.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.quality.AnswerScorer.Unscored;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroundingAnswerScorerTests {

  static final String DOCUMENT = "The museum opens at 9 am and closes at 5 pm on weekdays.";
  static final QualityProperties PROPERTIES =
      new QualityProperties(0.5, 1, 8, 0.25, true, Duration.ofSeconds(1), true);

  /** What background scoring reported, in order: "scored" or the reason it was not. */
  final List<String> outcomes = new CopyOnWriteArrayList<>();

  final AnswerScorer.Outcome noted =
      new AnswerScorer.Outcome() {
        @Override
        public void scored(QualityScores scores) {
          outcomes.add("scored");
        }

        @Override
        public void unscored(Unscored reason) {
          outcomes.add(reason.tag());
        }
      };

  GroundingAnswerScorer scorer;

  /** Every text gets the same vector: similarity 1, so only the lexical evidence varies. */
  static float[][] sameVectors(List<String> texts) {
    float[][] v = new float[texts.size()][];
    for (int i = 0; i < v.length; i++) {
      v[i] = new float[] {1, 0};
    }
    return v;
  }

  GroundingAnswerScorer scorer(SentenceEmbedder embedder, int queue) {
    scorer =
        new GroundingAnswerScorer(
            embedder,
            new QualityProperties(0.5, 1, queue, 0.25, true, Duration.ofSeconds(1), true));
    return scorer;
  }

  static AnswerScorer.ScoringInput input(String document, String answer) {
    return new AnswerScorer.ScoringInput("When does the museum open?", document, answer);
  }

  @AfterEach
  void stop() {
    scorer.destroy();
  }

  @Test
  void aSupportedAnswerIsGroundedAndItsWordsCounted() {
    QualityScores s =
        scorer(GroundingAnswerScorerTests::sameVectors, 8)
            .score(input(DOCUMENT, "It opens at 9 am on weekdays."));

    assertThat(s.groundingScore()).isGreaterThan(0.5);
    assertThat(s.ungrounded()).isFalse();
    assertThat(s.responseWords()).isEqualTo(7);
  }

  @Test
  void withoutDocumentThereIsNoGroundingClaim() {
    QualityScores s =
        scorer(GroundingAnswerScorerTests::sameVectors, 8).score(input(null, "At nine."));

    assertThat(s.groundingScore()).isNull();
    assertThat(s.ungrounded()).isFalse();
    assertThat(s.semanticSimilarity()).isEqualTo(1.0);
  }

  @Test
  void aModelThatFailedToLoadLeavesLexicalScoresAndSaysSo() {
    SentenceEmbedder failed =
        texts -> {
          throw new IllegalStateException("onnxruntime native library not found");
        };
    var grounded = scorer(failed, 8).evaluate(null, DOCUMENT, "It opens at 9 am on weekdays.");
    var relevance = scorer.evaluate("When does the museum open?", null, "At nine.");

    assertThat(grounded.similarity()).isEqualTo("word_overlap");
    assertThat(grounded.scores().groundingScore()).isGreaterThan(0.5);
    assertThat(relevance.similarity()).isEqualTo("word_overlap");
    assertThat(
            scorer(GroundingAnswerScorerTests::sameVectors, 8)
                .evaluate(null, DOCUMENT, "It opens at 9 am on weekdays.")
                .similarity())
        .isEqualTo("minilm");
  }

  @Test
  void unsupportedAnswerIsFlaggedButRefusalIsNot() {
    GroundingAnswerScorer sc = scorer(GroundingAnswerScorerTests::sameVectors, 8);

    assertThat(
            sc.score(input(DOCUMENT, "Tickets cost forty euros at the riverside kiosk."))
                .ungrounded())
        .isTrue();
    assertThat(sc.score(input(DOCUMENT, "I don't know when it opens.")).ungrounded()).isFalse();
  }

  @Test
  void scoreLaterReportsFromAnotherThread() throws InterruptedException {
    CountDownLatch reported = new CountDownLatch(1);
    var caller = Thread.currentThread();
    var threads = new CopyOnWriteArrayList<Thread>();

    scorer(GroundingAnswerScorerTests::sameVectors, 8)
        .scoreLater(
            input(DOCUMENT, "It opens at 9 am."),
            new AnswerScorer.Outcome() {
              @Override
              public void scored(QualityScores scores) {
                threads.add(Thread.currentThread());
                reported.countDown();
              }

              @Override
              public void unscored(Unscored reason) {
                throw new AssertionError("refused: " + reason);
              }
            });

    assertThat(reported.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(threads).singleElement().isNotSameAs(caller);
  }

  @Test
  void scoreLaterNeverBlocksTheCallerWhenTheQueueIsFull() {
    CountDownLatch release = new CountDownLatch(1);
    SentenceEmbedder stuck =
        texts -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return sameVectors(texts);
        };
    GroundingAnswerScorer sc = scorer(stuck, 1);

    for (int i = 0; i < 20; i++) {
      sc.scoreLater(input(DOCUMENT, "It opens at 9 am."), noted);
    }

    // One task runs (stuck), one waits in the queue of one, the other 18 are refused at once,
    // each with its reason.
    assertThat(outcomes).hasSize(18).containsOnly("queue_full");
    release.countDown();
  }

  @Test
  void scoreLaterLeavesAnswersUnscoredOverTheCpuBudgetAndScoresAgainOnceItRefills()
      throws Exception {
    AtomicLong wall = new AtomicLong();
    AtomicLong cpu = new AtomicLong();
    SentenceEmbedder costly =
        texts -> {
          cpu.addAndGet(TimeUnit.MILLISECONDS.toNanos(300)); // more than the 250 ms bucket
          return sameVectors(texts);
        };
    ExecutorService pool = Executors.newSingleThreadExecutor();
    scorer =
        new GroundingAnswerScorer(
            costly,
            PROPERTIES,
            new BackgroundScoring(new ScoringBudget(0.25, wall::get, cpu::get), pool));

    scorer.scoreLater(input(DOCUMENT, "It opens at 9 am."), noted);
    finish(pool);
    scorer.scoreLater(input(DOCUMENT, "It opens at 9 am."), noted);
    wall.addAndGet(TimeUnit.MINUTES.toNanos(1));
    scorer.scoreLater(input(DOCUMENT, "It opens at 9 am."), noted);
    finish(pool);

    assertThat(outcomes).containsExactly("scored", "budget", "scored");
  }

  /** Returns once every task handed to the single-threaded pool so far has finished. */
  static void finish(ExecutorService pool)
      throws InterruptedException, ExecutionException, TimeoutException {
    pool.submit(() -> {}).get(30, TimeUnit.SECONDS);
  }
}
