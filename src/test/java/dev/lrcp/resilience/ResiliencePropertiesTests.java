package dev.lrcp.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ResiliencePropertiesTests {

  private static ResilienceProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("lrcp.resilience", ResilienceProperties.class);
  }

  @Test
  void defaultFaultLatencyBreachesA3sSloButStaysInsideTheTimeout() {
    ResilienceProperties defaults = bind(Map.of());
    assertThat(defaults.faults().latency())
        .isGreaterThan(Duration.ofMillis(3000))
        .isLessThan(defaults.timeout());
    assertThat(defaults.maxAttempts()).isEqualTo(3);
  }

  @Test
  void defaultChainsFallBackFromProToFlashToFlashLite() {
    Map<String, String> next = bind(Map.of()).fallbackMap();
    assertThat(next)
        .containsEntry("gemini-2.5-pro", "gemini-2.5-flash")
        .containsEntry("gemini-2.5-flash", "gemini-2.5-flash-lite")
        .containsEntry("gpt-4o", "gpt-4o-mini")
        .doesNotContainKey("gemini-2.5-flash-lite");
  }

  @Test
  void oneVariableHoldsEveryChainAndAnEmptyOneDisablesFallback() {
    assertThat(bind(Map.of("lrcp.resilience.fallbacks", "a>b>c, x>y")).fallbackMap())
        .containsExactlyInAnyOrderEntriesOf(Map.of("a", "b", "b", "c", "x", "y"));
    assertThat(bind(Map.of("lrcp.resilience.fallbacks", "")).fallbackMap()).isEmpty();
  }

  @Test
  void rejectsSettingsThatCannotWork() {
    assertThatThrownBy(() -> bind(Map.of("lrcp.resilience.max-attempts", "0")))
        .hasRootCauseInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> bind(Map.of("lrcp.resilience.backoff.jitter", "1.5")))
        .hasRootCauseInstanceOf(IllegalArgumentException.class);
  }
}
