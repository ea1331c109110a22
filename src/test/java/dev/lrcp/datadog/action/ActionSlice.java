package dev.lrcp.datadog.action;

import dev.lrcp.anomaly.Attribution;
import dev.lrcp.anomaly.Cause;
import dev.lrcp.health.MutableClock;
import dev.lrcp.incident.DatadogAccount;
import dev.lrcp.incident.Incident;
import dev.lrcp.incident.IncidentProperties;
import dev.lrcp.incident.Scope;
import dev.lrcp.telemetry.DatadogProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** What the action controllers need around them in a web slice, and an incident to act on. */
final class ActionSlice {

  static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  private ActionSlice() {}

  @TestConfiguration
  @EnableConfigurationProperties({
    DatadogAccount.class,
    DatadogActionsProperties.class,
    IncidentProperties.class,
    DatadogProperties.class
  })
  static class Config {
    @Bean
    Clock clock() {
      return new MutableClock(NOW);
    }

    @Bean
    DatadogApis datadogApis(DatadogAccount account, DatadogActionsProperties properties) {
      return new DatadogApis(account, properties);
    }
  }

  /** A latency incident on one model, resolved, as the rules write it. */
  static Incident incident() {
    var opened = NOW.minusSeconds(3600);
    return new Incident(
        "inc-0123456789abcdef",
        "latency_slo",
        "p95 latency on model gemini-2.5-pro is 5,390 ms, SLO 3,000 ms",
        "SEV-2",
        Incident.RESOLVED,
        Scope.model("gemini-2.5-pro"),
        opened,
        NOW.minusSeconds(1200),
        NOW.minusSeconds(1200),
        new Incident.Evidence(
            "llm.request.latency_ms",
            "p95",
            5390,
            3000,
            "ms",
            "2m",
            120,
            1150.0,
            List.of(new Incident.Sample("p-1", "4211"), new Incident.Sample("p-2", null))),
        new Attribution(
            "latency_ms",
            1100.0,
            5390.0,
            "model gemini-2.5-pro explains 97% of the shift",
            0.93,
            List.of(new Cause("model", "gemini-2.5-pro", 0.97, 0.41)),
            new Attribution.Basis("scope", NOW.minusSeconds(1320), 600, 120, 0.99)),
        List.of("switch /qa, /reason from gemini-2.5-pro to the fallback model gemini-2.5-flash"),
        new Incident.Links("https://app/d", "https://app/l", "https://app/t"),
        List.of(),
        List.of(),
        List.of());
  }
}
