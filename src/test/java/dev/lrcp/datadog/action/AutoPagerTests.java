package dev.lrcp.datadog.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.lrcp.incident.DatadogAccount;
import dev.lrcp.incident.IncidentOpened;
import dev.lrcp.incident.Incidents;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class AutoPagerTests {

  private final DatadogRecorder datadog = new DatadogRecorder();
  private final Incidents incidents = mock(Incidents.class);

  @AfterEach
  void stop() {
    datadog.close();
  }

  @Test
  void aSev1IncidentPagesTheConfiguredTeamWithItsRunbook() {
    var incident = ActionSlice.incident();
    when(incidents.find(incident.id())).thenReturn(Optional.of(incident));
    datadog.answer(
        "POST", "/api/v2/on-call/pages", 200, "{\"data\":{\"id\":\"p-1\",\"type\":\"pages\"}}");

    pager("llm-reliability").page(opened(incident.id(), "SEV-1"));

    var page = datadog.last("POST");
    assertThat(page.path()).isEqualTo("/api/v2/on-call/pages");
    assertThat(page.body().at("/data/attributes/target/identifier").asText())
        .isEqualTo("llm-reliability");
    assertThat(page.body().at("/data/attributes/urgency").asText()).isEqualTo("high");
    assertThat(page.body().at("/data/attributes/description").asText()).contains("switch /qa");
  }

  @Test
  void pagesNothingBelowSev1OrWhenOff() {
    pager("llm-reliability").on(opened("inc-1", "SEV-2"));
    pager(null).on(opened("inc-2", "SEV-1"));

    assertThat(datadog.requests()).isEmpty();
  }

  @Test
  void aFailedPageIsLoggedNotThrown() {
    datadog.answer("POST", "/api/v2/on-call/pages", 404, "{\"errors\":[\"team not found\"]}");
    when(incidents.find("inc-3")).thenReturn(Optional.empty());

    pager("nobody").page(opened("inc-3", "SEV-1"));

    assertThat(datadog.last("POST").body().at("/data/attributes/title").asText())
        .isEqualTo("[SEV-1] error rate on /qa is 40%");
  }

  private AutoPager pager(String team) {
    var account =
        new Binder(
                new MapConfigurationPropertySource(
                    Map.of("dd.api-key", "k", "dd.app-key", "a", "dd.env", "test")))
            .bindOrCreate("dd", DatadogAccount.class);
    var properties = new DatadogActionsProperties(URI.create(datadog.url()), team);
    return new AutoPager(properties, new DatadogApis(account, properties), incidents);
  }

  private static IncidentOpened opened(String id, String severity) {
    return new IncidentOpened(
        Instant.parse("2026-11-28T10:00:00Z"),
        id,
        "error_rate",
        severity,
        "error rate on /qa is 40%");
  }
}
