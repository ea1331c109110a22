package dev.lrcp.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Links an incident carries open views scoped to its scope and time. */
class DatadogLinksTests {

  final DatadogLinks links =
      new DatadogLinks(new DatadogAccount(null, null, "datadoghq.eu", "lrcp", "prod"), null);

  @Test
  void theTraceLinkFiltersTheLlmCallSpanOnAttributesThatSpanCarries() {
    var scoped =
        links.of(new Scope("/reason", "gemini-2.5-pro"), Instant.parse("2026-12-07T10:00:00Z"));

    String traces = URLDecoder.decode(scoped.traces(), StandardCharsets.UTF_8);
    assertThat(traces)
        .startsWith("https://app.datadoghq.eu/apm/traces?query=")
        .contains("service:lrcp env:prod operation_name:llm.call")
        .contains("@llm.endpoint:\"/reason\"", "@llm.model:\"gemini-2.5-pro\"")
        .doesNotContain("@http.route");
    String logs = URLDecoder.decode(scoped.logs(), StandardCharsets.UTF_8);
    assertThat(logs).contains("@endpoint:\"/reason\"", "@model:\"gemini-2.5-pro\"");
  }
}
