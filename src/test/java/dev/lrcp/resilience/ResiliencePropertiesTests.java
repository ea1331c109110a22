package dev.lrcp.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lrcp.EnvironmentVariables;
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
  void bindsFromTheDocumentedEnvironmentVariables() {
    Map<String, Object> env =
        Map.of(
            "LRCP_RESILIENCE_TIMEOUT", "5s",
            "LRCP_RESILIENCE_MAX_ATTEMPTS", "2",
            "LRCP_RESILIENCE_BACKOFF_INITIAL", "50ms",
            "LRCP_RESILIENCE_BREAKER_OPEN_DURATION", "10s",
            "LRCP_RESILIENCE_FALLBACKS", "a>b,c>d",
            "LRCP_RESILIENCE_FAULTS_LATENCY", "4s",
            "LRCP_RESILIENCE_FAULTS_LONG_CONTEXT_MAX_CHARS", "1000");
    ResilienceProperties p =
        EnvironmentVariables.bind("lrcp.resilience", ResilienceProperties.class, env);
    assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(p.maxAttempts()).isEqualTo(2);
    assertThat(p.backoff().initial()).isEqualTo(Duration.ofMillis(50));
    assertThat(p.breaker().openDuration()).isEqualTo(Duration.ofSeconds(10));
    assertThat(p.fallbackMap()).containsExactlyInAnyOrderEntriesOf(Map.of("a", "b", "c", "d"));
    assertThat(p.faults().latency()).isEqualTo(Duration.ofSeconds(4));
    assertThat(p.faults().longContextMaxChars()).isEqualTo(1000);
  }

  @Test
  void rejectsSettingsThatCannotWork() {
    assertThatThrownBy(() -> bind(Map.of("lrcp.resilience.max-attempts", "0")))
        .hasRootCauseInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> bind(Map.of("lrcp.resilience.backoff.jitter", "1.5")))
        .hasRootCauseInstanceOf(IllegalArgumentException.class);
  }
}
