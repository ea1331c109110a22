package dev.lrcp.llm;

import dev.lrcp.llm.gemini.GeminiClient;
import dev.lrcp.llm.openai.OpenAiClient;
import dev.lrcp.llm.simulated.SimulatedClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The model catalog and the one provider adapter selected by {@code lrcp.provider}. The adapter is
 * qualified {@code provider}; decorators are composed around it in {@code
 * dev.lrcp.LlmClientWiring}.
 */
@Configuration(proxyBeanMethods = false)
class LlmConfiguration {

  private static final Logger log = LoggerFactory.getLogger(LlmConfiguration.class);

  @Bean
  ModelCatalog modelCatalog() {
    return ModelCatalog.load();
  }

  @Bean
  Deadlines deadlines() {
    return new Deadlines();
  }

  @Bean
  @Qualifier("provider")
  LlmClient providerLlmClient(LlmProperties properties, ModelCatalog catalog, Deadlines deadlines) {
    LlmClient client =
        switch (properties.provider()) {
          case SIMULATED ->
              new SimulatedClient(
                  catalog, properties.simulated().seed(), properties.simulated().latencyScale());
          case GEMINI -> GeminiClient.create(requireGemini(properties), properties.gcp());
          case OPENAI -> openAi(properties.openai(), deadlines);
        };
    log.info("LLM provider: {}", describe(properties));
    return client;
  }

  private static LlmProperties.Gemini requireGemini(LlmProperties properties) {
    if (!properties.gemini().hasApiKey() && !properties.gcp().configured()) {
      throw new IllegalStateException(
          "LRCP_PROVIDER=gemini needs LRCP_GEMINI_API_KEY (Gemini API) or LRCP_GCP_PROJECT_ID and"
              + " LRCP_GCP_REGION (Vertex AI, Application Default Credentials); neither is set");
    }
    return properties.gemini();
  }

  private static OpenAiClient openAi(LlmProperties.OpenAi openai, Deadlines deadlines) {
    if (openai.baseUrl() == null) {
      throw new IllegalStateException(
          "LRCP_PROVIDER=openai needs LRCP_OPENAI_BASE_URL (e.g. https://api.openai.com/v1 or"
              + " http://localhost:11434/v1) and, for hosted APIs, LRCP_OPENAI_API_KEY");
    }
    return new OpenAiClient(openai.baseUrl(), openai.apiKey(), openai.timeout(), deadlines);
  }

  private static String describe(LlmProperties p) {
    return switch (p.provider()) {
      case SIMULATED ->
          "simulated (offline, answers are simulated; seed "
              + p.simulated().seed()
              + ", latency scale "
              + p.simulated().latencyScale()
              + ")";
      case GEMINI ->
          p.gemini().hasApiKey()
              ? "gemini (Gemini API, " + p.gemini() + ")"
              : "gemini (Vertex AI, project " + p.gcp().projectId() + ", " + p.gcp().region() + ")";
      case OPENAI -> "openai-compatible (" + p.openai() + ")";
    };
  }
}
