package dev.lrcp.anomaly;

import static dev.lrcp.anomaly.ShiftFinderTests.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.flow.CallRecord;
import dev.lrcp.flow.Records;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The Theater's situations: a fresh service, a little normal traffic, then one scenario. */
class ShiftAttributorTests {

  private final ShiftAttributor attributor = ShiftAttributor.standard();
  private final List<CallRecord> calls = new ArrayList<>();
  private int second;

  /** 20 grounded /qa calls on flash and 10 /reason calls on pro, as "Normal traffic" sends. */
  private void normal() {
    for (int i = 0; i < 30; i++) {
      var at = T0.plusSeconds(second++);
      calls.add(
          i % 3 == 2
              ? Records.call(at, "/reason", "gemini-2.5-pro", 300 + i)
              : Records.scanned(
                  Records.scored(Records.call(at, "/qa", "gemini-2.5-flash", 200 + i), 0.9, false),
                  false));
    }
  }

  private static Predicate<CallRecord> on(String endpoint) {
    return c -> c.endpoint().equals(endpoint);
  }

  private static List<String> causes(Attribution a) {
    return a.causes().stream().map(c -> c.dimension() + "=" + c.value()).toList();
  }

  @Test
  void injectedSlowCallsOnOneEndpointAreNamedWithTheEndpointAndModelThatCarryThem() {
    normal();
    for (int i = 0; i < 8; i++) {
      calls.add(
          Records.injected(
              Records.call(T0.plusSeconds(second++), "/reason", "gemini-2.5-pro", 3800 + i)));
    }

    var a = attributor.attribute(calls, on("/reason"), "on /reason", Measure.LATENCY);

    assertThat(causes(a))
        .containsExactly("traffic=injected", "endpoint=/reason", "model=gemini-2.5-pro");
    assertThat(a.summary())
        .isEqualTo(
            "traffic injected accounts for 100% of the latency increase on /reason; across the"
                + " service, endpoint /reason and model gemini-2.5-pro carry 100% of it");
    assertThat(a.confidence()).isGreaterThan(0.9);
    assertThat(a.basis().population()).isEqualTo("scope");
    assertThat(a.basis().callsBefore()).isEqualTo(10);
    assertThat(a.basis().callsAfter()).isEqualTo(8);
    assertThat(a.baseline()).isLessThan(400.0);
  }

  @Test
  void aChangeNoSliceOfTheScopeSeparatesIsCarriedByItsEndpointAndModel() {
    normal();
    for (int i = 0; i < 20; i++) {
      var qa = Records.call(T0.plusSeconds(second++), "/qa", "gemini-2.5-flash", 200);
      calls.add(Records.scored(qa, 0.05, true));
    }

    var a = attributor.attribute(calls, on("/qa"), "on /qa", Measure.UNGROUNDED);

    assertThat(causes(a)).containsExactly("endpoint=/qa", "model=gemini-2.5-flash");
    assertThat(a.summary())
        .startsWith(
            "endpoint /qa and model gemini-2.5-flash carry 100% of the ungrounded score increase across the service");
    assertThat(a.confidence()).isGreaterThan(0.9);
  }

  @Test
  void anEndpointWithNoEarlierCallsIsComparedWithinTheService() {
    normal();
    for (int i = 0; i < 10; i++) {
      var stress =
          Records.injected(
              Records.call(T0.plusSeconds(second++), "/stress", "gemini-2.5-flash", 900));
      calls.add(Records.scanned(stress, false, true));
    }

    var a = attributor.attribute(calls, on("/stress"), "on /stress", Measure.TOKEN_ABUSE);

    assertThat(a.basis().population()).isEqualTo("service");
    assertThat(a.basis().callsBefore()).isEqualTo(30);
    assertThat(causes(a)).contains("endpoint=/stress");
    assertThat(a.summary()).contains("across the service");
    assertThat(a.confidence()).isGreaterThan(0.9);
  }

  @Test
  void tooLittleTrafficSaysSoWithTheNumbers() {
    for (int i = 0; i < 3; i++) {
      calls.add(Records.call(T0.plusSeconds(i), "/reason", "gemini-2.5-pro", 4000));
    }

    var a = attributor.attribute(calls, on("/reason"), "on /reason", Measure.LATENCY);

    assertThat(a.confidence()).isZero();
    assertThat(a.causes()).isEmpty();
    assertThat(a.basis()).isNull();
    assertThat(a.summary())
        .isEqualTo(
            "not enough data to attribute the change: the latency on /reason shows no significant"
                + " shift among its 3 calls, nor the service's among its 3; a comparison needs at"
                + " least 5 calls on each side of a change");
  }

  @Test
  void aServiceWhoseFirstCallsAreAlreadySlowHasNothingToCompareThemWith() {
    for (int i = 0; i < 20; i++) {
      calls.add(
          Records.call(T0.plusSeconds(i), "/reason", "gemini-2.5-pro", 4000 + (i * 37L) % 100));
    }

    var a = attributor.attribute(calls, on("/reason"), "on /reason", Measure.LATENCY);

    assertThat(a.confidence()).isZero();
    assertThat(a.summary()).startsWith("not enough data");
  }
}
