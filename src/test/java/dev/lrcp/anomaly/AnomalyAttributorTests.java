package dev.lrcp.anomaly;

import static dev.lrcp.anomaly.Calls.call;
import static dev.lrcp.anomaly.Calls.mix;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.flow.CallRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnomalyAttributorTests {

  private final AnomalyAttributor attributor = AnomalyAttributor.standard();
  private static final List<String> ENDPOINTS = List.of("/qa", "/reason");

  @Test
  void namesTheOneSlowModelWithHighConfidence() {
    var baseline =
        mix(
            300,
            ENDPOINTS,
            List.of(
                new String[] {"gemini-2.5-pro", "google", "1000"},
                new String[] {"gemini-2.5-flash", "google", "500"}));
    var current =
        mix(
            40,
            ENDPOINTS,
            List.of(
                new String[] {"gemini-2.5-pro", "google", "6000"},
                new String[] {"gemini-2.5-flash", "google", "500"}));

    var result = attributor.attribute(baseline, current, 40.0 / 300, Measure.LATENCY);

    assertThat(result.top())
        .get()
        .extracting(Cause::dimension, Cause::value)
        .containsExactly("model", "gemini-2.5-pro");
    assertThat(result.confidence()).isGreaterThanOrEqualTo(0.8);
    assertThat(result.summary())
        .startsWith("model gemini-2.5-pro accounts for")
        .contains("latency increase");
  }

  @Test
  void dropsAProviderThatSelectsExactlyTheSameCallsAsTheModel() {
    var models =
        List.of(
            new String[] {"gemini-2.5-pro", "google", "1000"},
            new String[] {"gpt-4o-mini", "openai", "700"});
    var spiked =
        List.of(
            new String[] {"gemini-2.5-pro", "google", "5000"},
            new String[] {"gpt-4o-mini", "openai", "700"});

    var result =
        attributor.attribute(
            mix(200, ENDPOINTS, models), mix(40, ENDPOINTS, spiked), 0.2, Measure.LATENCY);

    assertThat(result.top()).get().extracting(Cause::value).isEqualTo("gemini-2.5-pro");
    assertThat(result.causes()).extracting(Cause::dimension).doesNotContain("provider");
    assertThat(result.confidence()).isGreaterThanOrEqualTo(0.8);
  }

  @Test
  void attributesAnErrorBurstToTheEndpoint() {
    var baseline = new ArrayList<CallRecord>();
    var current = new ArrayList<CallRecord>();
    for (int i = 0; i < 200; i++) {
      baseline.add(call(ENDPOINTS.get(i % 2), "gemini-2.5-flash", "google", 400));
      baseline.add(call("/stress", "gemini-2.5-flash", "google", 400));
    }
    for (int i = 0; i < 30; i++) {
      current.add(call(ENDPOINTS.get(i % 2), "gemini-2.5-flash", "google", 400));
      current.add(
          call("/stress", "gemini-2.5-flash", "google", 400, i % 3 == 0 ? null : "upstream_error"));
    }

    var result = attributor.attribute(baseline, current, 60.0 / 400, Measure.ERROR_RATE);

    assertThat(result.top())
        .get()
        .extracting(Cause::dimension, Cause::value)
        .containsExactly("endpoint", "/stress");
    assertThat(result.current()).isGreaterThan(result.baseline());
  }

  @Test
  void saysSoWhenThereIsNoBaseline() {
    var result =
        attributor.attribute(List.of(), List.of(call("/qa", "m", "p", 100)), 1, Measure.LATENCY);

    assertThat(result.confidence()).isZero();
    assertThat(result.causes()).isEmpty();
    assertThat(result.summary()).contains("not enough data");
  }

  @Test
  void findsNoSingleCauseWhenEveryModelSlowsDownAlike() {
    var models = List.of(new String[] {"a", "x", "100"}, new String[] {"b", "y", "100"});
    var both = List.of(new String[] {"a", "x", "300"}, new String[] {"b", "y", "300"});

    var result =
        attributor.attribute(
            mix(100, ENDPOINTS, models), mix(100, ENDPOINTS, both), 1, Measure.LATENCY);

    assertThat(result.confidence()).isLessThan(0.5);
    assertThat(result.current()).isGreaterThan(result.baseline());
  }
}
