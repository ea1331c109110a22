package dev.lrcp.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.quality.AnswerLeftUnscored.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

class GroundingAnswerScorerTests {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
  static final String DOCUMENT = "The museum opens at 9 am and closes at 5 pm on weekdays.";

  final List<Object> events = new CopyOnWriteArrayList<>();
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
    DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    beans.registerSingleton("clock", CLOCK);
    scorer =
        new GroundingAnswerScorer(
            embedder,
            new QualityProperties(0.5, 1, queue, 0.25, true, Duration.ofSeconds(1), true),
            events::add,
            beans.getBeanProvider(Clock.class));
    return scorer;
  }

  AnswerScorer.ScoringInput input(String document, String answer) {
    return new AnswerScorer.ScoringInput(
        "p-1", "/qa", "model-a", "simulated", "When does the museum open?", document, answer);
  }

  @AfterEach
  void stop() {
    scorer.destroy();
  }

  @Test
  void scoringPublishesOneEventWithTheScores() {
    QualityScores s =
        scorer(GroundingAnswerScorerTests::sameVectors, 8)
            .score(input(DOCUMENT, "It opens at 9 am on weekdays."));

    assertThat(s.groundingScore()).isGreaterThan(0.5);
    assertThat(s.ungrounded()).isFalse();
    assertThat(s.responseWords()).isEqualTo(7);
    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            AnswerScored.class,
            e -> {
              assertThat(e.at()).isEqualTo(CLOCK.instant());
              assertThat(e.promptId()).isEqualTo("p-1");
              assertThat(e.groundingScore()).isEqualTo(s.groundingScore());
              assertThat(e.hasDocument()).isTrue();
            });
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
  void unsupportedAnswerIsFlaggedButRefusalIsNot() {
    GroundingAnswerScorer sc = scorer(GroundingAnswerScorerTests::sameVectors, 8);

    assertThat(
            sc.score(input(DOCUMENT, "Tickets cost forty euros at the riverside kiosk."))
                .ungrounded())
        .isTrue();
    assertThat(sc.score(input(DOCUMENT, "I don't know when it opens.")).ungrounded()).isFalse();
  }

  @Test
  void scoreLaterPublishesFromAnotherThread() throws InterruptedException {
    CountDownLatch published = new CountDownLatch(1);
    DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    beans.registerSingleton("clock", CLOCK);
    scorer =
        new GroundingAnswerScorer(
            GroundingAnswerScorerTests::sameVectors,
            new QualityProperties(0.5, 1, 8, 0.25, true, Duration.ofSeconds(1), true),
            e -> published.countDown(),
            beans.getBeanProvider(Clock.class));

    scorer.scoreLater(input(DOCUMENT, "It opens at 9 am."));

    assertThat(published.await(30, TimeUnit.SECONDS)).isTrue();
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
      sc.scoreLater(input(DOCUMENT, "It opens at 9 am."));
    }

    // One task runs (stuck), one waits in the queue of one, the other 18 are refused, not waited
    // for; each is published with its reason.
    assertThat(sc.unscored(Reason.QUEUE_FULL)).isEqualTo(18);
    assertThat(sc.unscored(Reason.BUDGET)).isZero();
    assertThat(events)
        .filteredOn(AnswerLeftUnscored.class::isInstance)
        .hasSize(18)
        .allSatisfy(
            e -> {
              var unscored = (AnswerLeftUnscored) e;
              assertThat(unscored.reason()).isEqualTo(Reason.QUEUE_FULL);
              assertThat(unscored.endpoint()).isEqualTo("/qa");
              assertThat(unscored.model()).isEqualTo("model-a");
            });
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
            new QualityProperties(0.5, 1, 8, 0.25, true, Duration.ofSeconds(1), true),
            events::add,
            CLOCK,
            new BackgroundScoring(new ScoringBudget(0.25, wall::get, cpu::get), pool));

    scorer.scoreLater(input(DOCUMENT, "It opens at 9 am."));
    finish(pool);
    scorer.scoreLater(input(DOCUMENT, "It opens at 9 am."));
    wall.addAndGet(TimeUnit.MINUTES.toNanos(1));
    scorer.scoreLater(input(DOCUMENT, "It opens at 9 am."));
    finish(pool);

    assertThat(events).filteredOn(AnswerScored.class::isInstance).hasSize(2);
    assertThat(events)
        .filteredOn(AnswerLeftUnscored.class::isInstance)
        .singleElement()
        .isEqualTo(
            new AnswerLeftUnscored(CLOCK.instant(), "/qa", "model-a", "simulated", Reason.BUDGET));
    assertThat(scorer.unscored(Reason.BUDGET)).isEqualTo(1);
    assertThat(scorer.unscored(Reason.QUEUE_FULL)).isZero();
  }

  /** Returns once every task handed to the single-threaded pool so far has finished. */
  static void finish(ExecutorService pool)
      throws InterruptedException, ExecutionException, TimeoutException {
    pool.submit(() -> {}).get(30, TimeUnit.SECONDS);
  }
}
