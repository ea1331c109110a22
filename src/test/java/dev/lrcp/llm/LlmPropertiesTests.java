package dev.lrcp.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lrcp.EnvironmentVariables;
import dev.lrcp.llm.openai.OpenAiClient;
import dev.lrcp.llm.simulated.SimulatedClient;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class LlmPropertiesTests {

  private final ModelCatalog catalog = ModelCatalog.load();

  private static LlmProperties bind(Map<String, String> values) {
    var binder = new Binder(new MapConfigurationPropertySource(values));
    return binder.bindOrCreate("lrcp", LlmProperties.class);
  }

  @Test
  void defaultsToTheSimulatedProviderAtFullLatency() {
    LlmProperties properties = bind(Map.of());
    assertThat(properties.provider()).isEqualTo(LlmProperties.Provider.SIMULATED);
    assertThat(properties.simulated().latencyScale()).isEqualTo(1.0);
    assertThat(properties.gcp().region()).isEqualTo("us-central1");
    assertThat(
            new LlmConfiguration().providerLlmClient(properties, catalog, SharedDeadlines.INSTANCE))
        .isInstanceOf(SimulatedClient.class);
  }

  @Test
  void bindsProviderAndSettingsFromRelaxedNames() {
    LlmProperties properties =
        bind(
            Map.of(
                "lrcp.provider", "openai",
                "lrcp.openai.base-url", "http://127.0.0.1:1/v1",
                "lrcp.simulated.latency-scale", "0"));
    assertThat(properties.provider()).isEqualTo(LlmProperties.Provider.OPENAI);
    assertThat(properties.simulated().latencyScale()).isZero();
    assertThat(
            new LlmConfiguration().providerLlmClient(properties, catalog, SharedDeadlines.INSTANCE))
        .isInstanceOf(OpenAiClient.class);
  }

  @Test
  void bindsFromTheDocumentedEnvironmentVariables() {
    Map<String, Object> env =
        Map.of(
            "LRCP_PROVIDER", "gemini",
            "LRCP_GEMINI_API_KEY", "k",
            "LRCP_GCP_PROJECT_ID", "demo-project",
            "LRCP_GCP_REGION", "europe-west4",
            "LRCP_OPENAI_BASE_URL", "http://127.0.0.1:11434/v1",
            "LRCP_OPENAI_API_KEY", "sk-x",
            "LRCP_SIMULATED_SEED", "7",
            "LRCP_SIMULATED_LATENCY_SCALE", "0.25");
    LlmProperties p = EnvironmentVariables.bind("lrcp", LlmProperties.class, env);
    assertThat(p.provider()).isEqualTo(LlmProperties.Provider.GEMINI);
    assertThat(p.gemini().apiKey()).isEqualTo("k");
    assertThat(p.gcp().projectId()).isEqualTo("demo-project");
    assertThat(p.gcp().region()).isEqualTo("europe-west4");
    assertThat(p.openai().baseUrl()).hasToString("http://127.0.0.1:11434/v1");
    assertThat(p.openai().apiKey()).isEqualTo("sk-x");
    assertThat(p.simulated().seed()).isEqualTo(7);
    assertThat(p.simulated().latencyScale()).isEqualTo(0.25);
  }

  @Test
  void secretsNeverAppearInToString() {
    LlmProperties properties =
        bind(
            Map.of(
                "lrcp.gemini.api-key", "AIza-secret-gemini",
                "lrcp.openai.api-key", "sk-secret-openai"));
    assertThat(properties.toString())
        .doesNotContain("AIza-secret-gemini")
        .doesNotContain("sk-secret-openai")
        .contains("<redacted>");
  }

  @Test
  void geminiWithoutKeyOrProjectFailsAtStartUpNamingTheVariables() {
    LlmProperties properties = bind(Map.of("lrcp.provider", "gemini"));
    assertThatThrownBy(
            () ->
                new LlmConfiguration()
                    .providerLlmClient(properties, catalog, SharedDeadlines.INSTANCE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("LRCP_GEMINI_API_KEY")
        .hasMessageContaining("LRCP_GCP_PROJECT_ID");
  }

  @Test
  void openAiWithoutBaseUrlFailsAtStartUpNamingTheVariable() {
    LlmProperties properties = bind(Map.of("lrcp.provider", "openai"));
    assertThatThrownBy(
            () ->
                new LlmConfiguration()
                    .providerLlmClient(properties, catalog, SharedDeadlines.INSTANCE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("LRCP_OPENAI_BASE_URL");
  }

  @Test
  void negativeLatencyScaleIsRejected() {
    assertThatThrownBy(() -> new LlmProperties.Simulated(1, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new LlmProperties.OpenAi(URI.create("http://x/v1"), null, Duration.ofSeconds(1)))
        .hasToString("OpenAi[baseUrl=http://x/v1, apiKey=<unset>]");
  }
}
