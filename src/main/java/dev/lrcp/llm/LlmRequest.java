package dev.lrcp.llm;

import java.util.List;
import java.util.Objects;

/**
 * One call to a model. {@code model} is the model the caller (or the router) asked for; the
 * resilience layer may answer with a fallback model, which the response names.
 *
 * @param endpoint the public API path that caused the call, e.g. {@code /qa}
 * @param requestType the kind of work: {@code qa}, {@code reason}, {@code stress}, {@code chat}
 */
public record LlmRequest(
    String promptId,
    String endpoint,
    String requestType,
    String model,
    List<Message> messages,
    GenerationOptions options,
    Faults faults,
    CallTags tags,
    StreamListener stream) {

  public LlmRequest {
    Objects.requireNonNull(promptId, "promptId");
    Objects.requireNonNull(model, "model");
    messages = List.copyOf(messages);
    options = options == null ? GenerationOptions.DEFAULT : options;
    faults = faults == null ? Faults.NONE : faults;
    tags = tags == null ? CallTags.NONE : tags;
    stream = stream == null ? StreamListener.NONE : stream;
  }

  public LlmRequest withModel(String other) {
    return new LlmRequest(
        promptId, endpoint, requestType, other, messages, options, faults, tags, stream);
  }

  public LlmRequest withMessages(List<Message> other) {
    return new LlmRequest(
        promptId, endpoint, requestType, model, other, options, faults, tags, stream);
  }

  public LlmRequest withStream(StreamListener other) {
    return new LlmRequest(
        promptId, endpoint, requestType, model, messages, options, faults, tags, other);
  }

  /** All message text, in order; what token estimates and scanners look at. */
  public String promptText() {
    return String.join("\n", messages.stream().map(Message::content).toList());
  }

  /**
   * Sampling settings passed to the provider.
   *
   * @param json the caller asked for a JSON answer (OpenAI {@code response_format} {@code
   *     json_object} or {@code json_schema})
   * @param thinkingBudget the most thinking tokens the model may spend, or null for the model's own
   *     default (Gemini 2.5 models think dynamically unless told otherwise)
   */
  public record GenerationOptions(
      int maxOutputTokens, double temperature, boolean json, Integer thinkingBudget) {
    public static final GenerationOptions DEFAULT = new GenerationOptions(2048, 0.7);

    public GenerationOptions {
      if (thinkingBudget != null && thinkingBudget < 0) {
        throw new IllegalArgumentException("thinkingBudget must not be negative");
      }
    }

    public GenerationOptions(int maxOutputTokens, double temperature, boolean json) {
      this(maxOutputTokens, temperature, json, null);
    }

    public GenerationOptions(int maxOutputTokens, double temperature) {
      this(maxOutputTokens, temperature, false);
    }

    public GenerationOptions withMaxOutputTokens(int max) {
      return new GenerationOptions(max, temperature, json, thinkingBudget);
    }

    public GenerationOptions withThinkingBudget(Integer budget) {
      return new GenerationOptions(maxOutputTokens, temperature, json, budget);
    }
  }
}
