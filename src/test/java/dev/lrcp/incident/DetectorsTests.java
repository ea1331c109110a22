package dev.lrcp.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lrcp.flow.CallRecord;
import dev.lrcp.flow.Records;
import dev.lrcp.llm.LlmFailure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class DetectorsTests {

  private static final Instant T = Instant.parse("2026-11-28T10:00:00Z");
  private final Detectors detectors = new Detectors(PersistenceSuite.INCIDENTS);

  private static List<CallRecord> calls(int n, IntFunction<CallRecord> call) {
    var out = new ArrayList<CallRecord>();
    for (int i = 0; i < n; i++) {
      out.add(call.apply(i));
    }
    return out;
  }

  private static CallRecord plain(int i) {
    return Records.call(T.plusSeconds(i), "/qa", "m", 400);
  }

  @Test
  void noRuleJudgesAScopeWithTooFewCalls() {
    var few = calls(9, i -> Records.call(T, "/qa", "m", 9_000, LlmFailure.TIMEOUT));

    for (Rule rule : Rule.values()) {
      assertThat(detectors.check(rule, Scope.SERVICE, few, List.of())).as(rule.id()).isEmpty();
    }
  }

  @Test
  void refusedCallsCountForTheSecurityRulesButNeverDiluteLatency() {
    var slow = new ArrayList<>(calls(12, i -> Records.call(T, "/qa", "m", 5_000)));
    var refused = calls(40, i -> blocked());
    var window = new ArrayList<>(slow);
    window.addAll(refused);

    assertThat(detectors.check(Rule.LATENCY_SLO, Scope.SERVICE, window, List.of()))
        .get()
        .extracting(f -> f.measurement().value())
        .isEqualTo(5_000.0);
    assertThat(detectors.check(Rule.SECURITY_ATTACK, Scope.SERVICE, window, List.of())).isPresent();
    assertThat(detectors.check(Rule.LATENCY_SLO, Scope.SERVICE, refused, List.of()))
        .as("no call reached a model")
        .isEmpty();
  }

  @Test
  void aFallInGroundingOverTheLookBackIsAQualityDriftAboveTheQualityDropThreshold() {
    var baseline = calls(400, i -> grounded(i, 0.80));
    var window = calls(60, i -> grounded(400 + i, 0.68));

    var finding = detectors.check(Rule.QUALITY_DRIFT, Scope.model("m"), window, baseline);

    assertThat(finding)
        .get()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.SEV_3);
              assertThat(f.title()).startsWith("grounding drifting down on model m: mean 0.");
              assertThat(f.measurement().baseline()).isCloseTo(0.80, within(0.01));
              assertThat(f.measurement().value()).isBetween(0.66, 0.72);
              assertThat(f.samples()).isNotEmpty();
            });
    assertThat(detectors.check(Rule.QUALITY_DROP, Scope.model("m"), window, baseline))
        .as("still above the quality-drop threshold")
        .isEmpty();
  }

  @Test
  void steadyGroundingOrTooFewScoredCallsAreNoDrift() {
    var steady = calls(460, i -> grounded(i, 0.80));
    var few = calls(200, i -> grounded(i, i < 150 ? 0.8 : 0.5));

    assertThat(
            detectors.check(
                Rule.QUALITY_DRIFT,
                Scope.SERVICE,
                steady.subList(400, 460),
                steady.subList(0, 400)))
        .isEmpty();
    assertThat(
            detectors.check(
                Rule.QUALITY_DRIFT, Scope.SERVICE, few.subList(150, 200), few.subList(0, 150)))
        .isEmpty();
  }

  /** A call grounded at {@code mean} with a deterministic wobble of up to ±0.05. */
  private static CallRecord grounded(int i, double mean) {
    double g = mean + 0.05 * (((i * 7919L) % 11) - 5) / 5.0;
    return Records.scored(Records.call(T.plusSeconds(i), "/qa", "m", 400), g, g < 0.5);
  }

  private static CallRecord blocked() {
    var scanned = Records.scanned(Records.call(T, "/qa", "m", 0), true);
    return new CallRecord(
        scanned.at(),
        scanned.promptId(),
        null,
        scanned.labels(),
        CallRecord.Outcome.BLOCKED,
        null,
        CallRecord.Numbers.NONE,
        scanned.routing(),
        null,
        new CallRecord.Security(0.97, true, "prompt", java.util.Set.of(), false, true),
        null,
        null);
  }

  @Test
  void retryStormFiresAboveHalfARetryPerCall() {
    var storm = calls(20, i -> Records.call(T, "/qa", "m", 400, LlmFailure.UNAVAILABLE));

    var finding = detectors.check(Rule.RETRY_STORM, Scope.SERVICE, storm, List.of()).orElseThrow();

    assertThat(finding.measurement().value()).isEqualTo(2.0);
    assertThat(finding.severity()).isEqualTo(Severity.SEV_2);
    assertThat(
            detectors.check(
                Rule.RETRY_STORM, Scope.SERVICE, calls(20, DetectorsTests::plain), List.of()))
        .isEmpty();
  }

  @Test
  void costSpikeNeedsARobustZAndARatioAgainstTheBaseline() {
    var baseline =
        calls(600, i -> priced(T.minusSeconds(1800 - i * 3L), 0.0010 + (i % 7) * 0.00001));
    var spiked = calls(30, i -> priced(T.plusSeconds(i), 0.0040));
    var slightlyHigher = calls(30, i -> priced(T.plusSeconds(i), 0.0011));

    var finding = detectors.check(Rule.COST_SPIKE, Scope.SERVICE, spiked, baseline).orElseThrow();

    assertThat(finding.title())
        .startsWith("cost per call across the service is $0.00400, 3.9x the trailing median");
    assertThat(finding.severity()).isEqualTo(Severity.SEV_2);
    assertThat(detectors.check(Rule.COST_SPIKE, Scope.SERVICE, slightlyHigher, baseline)).isEmpty();
    assertThat(detectors.check(Rule.COST_SPIKE, Scope.SERVICE, spiked, List.of()))
        .as("no baseline, no verdict")
        .isEmpty();
  }

  @Test
  void qualityDropUsesOnlyCallsWithADocument() {
    var poor = calls(12, i -> scored(0.2));
    var noDocument = calls(30, DetectorsTests::plain);
    var mixed = new ArrayList<>(poor);
    mixed.addAll(noDocument);

    var finding = detectors.check(Rule.QUALITY_DROP, Scope.SERVICE, mixed, List.of()).orElseThrow();

    assertThat(finding.measurement().requests()).isEqualTo(12);
    assertThat(finding.measurement().value())
        .isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(finding.severity()).isEqualTo(Severity.SEV_2);
  }

  @Test
  void injectionAndTokenAbuseFireOnTheirFlagRates() {
    var attack = calls(20, i -> scanned(i % 2 == 0, false));
    var abuse = calls(20, i -> scanned(false, i % 4 == 0));

    assertThat(detectors.check(Rule.SECURITY_ATTACK, Scope.SERVICE, attack, List.of()))
        .get()
        .extracting(Finding::severity)
        .isEqualTo(Severity.SEV_1);
    assertThat(detectors.check(Rule.TOKEN_ABUSE, Scope.SERVICE, abuse, List.of()))
        .get()
        .extracting(Finding::severity)
        .isEqualTo(Severity.SEV_3);
    assertThat(detectors.check(Rule.SECURITY_ATTACK, Scope.SERVICE, abuse, List.of())).isEmpty();
  }

  private static CallRecord priced(Instant at, double cost) {
    var c = Records.call(at, "/stress", "m", 400);
    var n = c.numbers();
    return Records.withNumbers(
        c,
        new CallRecord.Numbers(
            n.latencyMs(),
            n.ttftMs(),
            n.inputTokens(),
            n.outputTokens(),
            n.thinkingTokens(),
            cost,
            n.retryCount(),
            n.fallbackUsed()));
  }

  private static CallRecord scored(double grounding) {
    return Records.scored(Records.call(T, "/qa", "m", 400), grounding, grounding < 0.5);
  }

  private static CallRecord scanned(boolean injection, boolean abuse) {
    return Records.scanned(Records.call(T, "/qa", "m", 400), injection, abuse);
  }
}
