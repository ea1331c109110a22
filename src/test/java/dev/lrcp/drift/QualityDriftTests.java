package dev.lrcp.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lrcp.flow.CallRecord;
import dev.lrcp.flow.Records;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualityDriftTests {

  static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");

  /** Scored calls with these grounding scores (similarity the same), one a second. */
  static List<CallRecord> calls(double[] grounding) {
    var calls = new ArrayList<CallRecord>();
    for (int i = 0; i < grounding.length; i++) {
      calls.add(
          Records.scored(
              Records.call(T0.plusSeconds(i), "/qa", "m", 100), grounding[i], grounding[i] < 0.5));
    }
    return calls;
  }

  @Test
  void aDropInGroundingIsWarnedWithTheLevelsBeforeAndSince() {
    var calls = calls(new BetaScores(11).stream(1_500, 0.8, 0.7, 1_000));

    var drop = QualityDrift.drop(calls, QualityDrift.MIN_DROP).orElseThrow();

    assertThat(drop.signal()).isEqualTo(QualityDrift.Signal.GROUNDING);
    assertThat(drop.raised()).isBetween(1_000, 1_100);
    assertThat(drop.start()).isBetween(950, 1_050);
    assertThat(drop.reference()).isCloseTo(0.8, within(0.02));
    assertThat(drop.current()).isCloseTo(0.7, within(0.03));
    assertThat(drop.sinceStart().getFirst()).isSameAs(calls.get(drop.start()));
  }

  @Test
  void theWarningsAreThoseThePublicDetectorReportsOnTheSameScores() {
    double[] scores = new BetaScores(12).stream(1_500, 0.8, 0.65, 900);

    var drop = QualityDrift.drop(calls(scores), 0).orElseThrow();

    var reported = ScoreDriftDetector.scan(scores).getLast();
    assertThat(drop.raised()).isEqualTo(reported.index());
    assertThat(drop.latest()).isEqualTo(reported.since());
    assertThat(drop.reference()).isEqualTo(reported.reference());
  }

  @Test
  void aSlowDeclineAddsUpAcrossTheWarningsItRaises() {
    // 0.8 for 1,000 scores, then down 0.0002 a score: 0.6 after 1,000 more
    double[] noise = new BetaScores(13).stream(2_000, 0.8, 0.8, 0);
    double[] scores = new double[noise.length];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = noise[i] - 0.0002 * Math.max(0, i - 1_000);
    }

    var drop = QualityDrift.drop(calls(scores), 0).orElseThrow();

    assertThat(ScoreDriftDetector.scan(scores)).hasSizeGreaterThan(1);
    assertThat(drop.reference()).isCloseTo(0.8, within(0.02));
    assertThat(drop.start()).isLessThan(drop.latest());
    assertThat(drop.size()).isGreaterThan(0.1);
  }

  @Test
  void noDropOnAStableStreamOnARiseOrBelowTheSizeAsked() {
    assertThat(
            QualityDrift.drop(
                calls(new BetaScores(14).stream(3_000, 0.8, 0.8, 0)), QualityDrift.MIN_DROP))
        .isEmpty();
    assertThat(QualityDrift.drop(calls(new BetaScores(15).stream(1_500, 0.6, 0.75, 1_000)), 0))
        .isEmpty();
    assertThat(QualityDrift.drop(calls(new BetaScores(16).stream(1_500, 0.8, 0.7, 1_000)), 0.3))
        .isEmpty();
  }

  @Test
  void tooFewScoredCallsToLearnAReferenceGiveNothing() {
    var calls = calls(new BetaScores(17).stream(QualityDrift.REFERENCE, 0.8, 0.2, 100));

    assertThat(QualityDrift.drop(calls, 0)).isEmpty();
  }

  @Test
  void relevanceIsWatchedWhenTheCallsHaveNoDocument() {
    double[] scores = new BetaScores(18).stream(1_500, 0.8, 0.6, 1_000);
    var calls = new ArrayList<CallRecord>();
    for (int i = 0; i < scores.length; i++) {
      calls.add(
          Records.call(T0.plusSeconds(i), "/reason", "m", 100)
              .withQuality(CallRecord.Quality.scored(scores[i], null, false)));
    }

    var drop = QualityDrift.drop(calls, QualityDrift.MIN_DROP).orElseThrow();

    assertThat(drop.signal()).isEqualTo(QualityDrift.Signal.RELEVANCE);
    assertThat(drop.signal().id()).isEqualTo("relevance");
  }
}
