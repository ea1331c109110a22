package dev.lrcp.llm;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which model provider serves calls, and how to reach it. Bound from {@code lrcp.*}, so {@code
 * LRCP_PROVIDER}, {@code LRCP_GEMINI_API_KEY}, {@code LRCP_GCP_PROJECT_ID}, {@code
 * LRCP_OPENAI_BASE_URL}, {@code LRCP_SIMULATED_LATENCY_SCALE} and so on. Secrets never appear in
 * {@code toString}.
 */
@ConfigurationProperties("lrcp")
public record LlmProperties(
    @DefaultValue("simulated") Provider provider,
    @DefaultValue Gemini gemini,
    @DefaultValue Gcp gcp,
    @DefaultValue OpenAi openai,
    @DefaultValue Simulated simulated) {

  /** The adapters we ship. */
  public enum Provider {
    SIMULATED,
    GEMINI,
    OPENAI;

    /**
     * Whether this adapter can call a catalog model of the given provider ({@link
     * ModelSpec#provider()}): the simulated one serves every model, the others their own.
     */
    public boolean serves(String catalogProvider) {
      return switch (this) {
        case SIMULATED -> true;
        case GEMINI -> "google".equals(catalogProvider);
        case OPENAI -> "openai".equals(catalogProvider);
      };
    }
  }

  /**
   * Gemini API (API key) settings; the key wins over Vertex AI when both are set.
   *
   * @param baseUrl overrides the Google endpoint, for a local fake in tests
   * @param timeout the adapter's own HTTP timeout, a backstop behind the resilience timeout
   */
  public record Gemini(String apiKey, URI baseUrl, @DefaultValue("60s") Duration timeout) {
    public boolean hasApiKey() {
      return apiKey != null && !apiKey.isBlank();
    }

    @Override
    public String toString() {
      return "Gemini[apiKey=" + Redacted.of(apiKey) + ", baseUrl=" + baseUrl + "]";
    }
  }

  /** Google Cloud project and region for Gemini on Vertex AI (Application Default Credentials). */
  public record Gcp(String projectId, @DefaultValue("us-central1") String region) {
    public boolean configured() {
      return projectId != null && !projectId.isBlank();
    }
  }

  /**
   * Any {@code /v1/chat/completions} server: OpenAI, vLLM, Ollama, llama.cpp.
   *
   * @param baseUrl up to and including {@code /v1}, e.g. {@code https://api.openai.com/v1}
   * @param apiKey sent as a bearer token when set; local servers often need none
   */
  public record OpenAi(URI baseUrl, String apiKey, @DefaultValue("60s") Duration timeout) {
    @Override
    public String toString() {
      return "OpenAi[baseUrl=" + baseUrl + ", apiKey=" + Redacted.of(apiKey) + "]";
    }
  }

  /**
   * The embedded offline provider.
   *
   * @param seed makes every answer and latency reproducible
   * @param latencyScale multiplies each model's latency profile; 0 removes the artificial delay
   */
  public record Simulated(@DefaultValue("42") long seed, @DefaultValue("1.0") double latencyScale) {
    public Simulated {
      if (latencyScale < 0 || !Double.isFinite(latencyScale)) {
        throw new IllegalArgumentException("lrcp.simulated.latency-scale must be >= 0");
      }
    }
  }

  private static final class Redacted {
    static String of(String secret) {
      return secret == null || secret.isBlank() ? "<unset>" : "<redacted>";
    }
  }
}
