package dev.lrcp.llm.gemini;

import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.errors.GenAiIOException;
import com.google.genai.types.Content;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import com.google.genai.types.Part;
import com.google.genai.types.ThinkingConfig;
import dev.lrcp.llm.LlmClient;
import dev.lrcp.llm.LlmProperties;
import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.Message;
import dev.lrcp.llm.StreamListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Gemini via the Google Gen AI SDK. The same class serves the Gemini API and Vertex AI; which one
 * is decided once, when the SDK client is built.
 */
public final class GeminiClient implements LlmClient {

  private final Client client;
  private final String provider;

  GeminiClient(Client client, String provider) {
    this.client = client;
    this.provider = provider;
  }

  /**
   * Gemini API when an API key is set, otherwise Vertex AI with Application Default Credentials.
   */
  public static GeminiClient create(LlmProperties.Gemini gemini, LlmProperties.Gcp gcp) {
    var builder = Client.builder().httpOptions(httpOptions(gemini));
    if (gemini.hasApiKey()) {
      return new GeminiClient(builder.apiKey(gemini.apiKey()).build(), "gemini");
    }
    builder.vertexAI(true).project(gcp.projectId()).location(gcp.region());
    try {
      return new GeminiClient(builder.build(), "vertex");
    } catch (GenAiIOException e) {
      throw new IllegalStateException(
          "Vertex AI (LRCP_GCP_PROJECT_ID="
              + gcp.projectId()
              + ") needs Application Default Credentials: run `gcloud auth application-default"
              + " login` or set GOOGLE_APPLICATION_CREDENTIALS; or set LRCP_GEMINI_API_KEY to use"
              + " the Gemini API instead",
          e);
    }
  }

  static HttpOptions httpOptions(LlmProperties.Gemini gemini) {
    var options =
        HttpOptions.builder()
            .timeout(Math.toIntExact(gemini.timeout().toMillis()))
            // one attempt: retrying is the resilience layer's job, and the SDK's own retries would
            // multiply with ours and hide failures from the circuit breaker. No retryable statuses
            // either: SDK 2.0.0 still sleeps its first backoff (~1 s) after the last attempt fails
            // with a retryable status, which would add a second to every 429 and 5xx.
            .retryOptions(HttpRetryOptions.builder().attempts(1).httpStatusCodes());
    if (gemini.baseUrl() != null) {
      options.baseUrl(gemini.baseUrl().toString());
    }
    return options.build();
  }

  @Override
  public LlmResponse generate(LlmRequest request) {
    List<Content> contents = contents(request.messages());
    GenerateContentConfig config = config(request);
    var reader = new GeminiResponseReader(request, provider);
    try {
      if (request.stream() == StreamListener.NONE) {
        reader.add(client.models.generateContent(request.model(), contents, config));
      } else {
        try (ResponseStream<GenerateContentResponse> stream =
            client.models.generateContentStream(request.model(), contents, config)) {
          for (GenerateContentResponse chunk : stream) {
            request.stream().onText(reader.add(chunk));
          }
        }
      }
    } catch (RuntimeException e) {
      throw GeminiFailures.map(e, request.model(), provider);
    }
    return reader.response();
  }

  private static List<Content> contents(List<Message> messages) {
    var contents = new ArrayList<Content>();
    for (Message m : messages) {
      switch (m.role()) {
        case USER -> contents.add(content("user", m.content()));
        case ASSISTANT -> contents.add(content("model", m.content()));
        case SYSTEM -> {} // sent as systemInstruction
      }
    }
    return contents;
  }

  private static GenerateContentConfig config(LlmRequest request) {
    var config =
        GenerateContentConfig.builder()
            .maxOutputTokens(request.options().maxOutputTokens())
            .temperature((float) request.options().temperature());
    if (request.options().json()) {
      config.responseMimeType("application/json");
    }
    if (request.options().thinkingBudget() != null) {
      config.thinkingConfig(
          ThinkingConfig.builder().thinkingBudget(request.options().thinkingBudget()));
    }
    String system =
        String.join(
            "\n",
            request.messages().stream()
                .filter(m -> m.role() == Message.Role.SYSTEM)
                .map(Message::content)
                .toList());
    if (!system.isEmpty()) {
      config.systemInstruction(Content.fromParts(Part.fromText(system)));
    }
    return config.build();
  }

  private static Content content(String role, String text) {
    return Content.builder().role(role).parts(Part.fromText(text)).build();
  }
}
