package dev.lrcp.gateway;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The standard OpenAI chat completion body (the fields we act on; others are ignored so official
 * SDKs work unchanged). Property names are snake_case on the wire.
 *
 * @param content in each message: a string, or an array of {@code {"type":"text","text":...}} parts
 */
record ChatCompletionRequest(
    String model,
    List<ChatMessage> messages,
    Boolean stream,
    StreamOptions streamOptions,
    Integer maxTokens,
    Integer maxCompletionTokens,
    Double temperature,
    Integer n,
    ResponseFormat responseFormat) {

  boolean streaming() {
    return Boolean.TRUE.equals(stream);
  }

  boolean includeUsage() {
    return streamOptions != null && Boolean.TRUE.equals(streamOptions.includeUsage());
  }

  /** True when the caller asked for a JSON answer ({@code json_object} or {@code json_schema}). */
  boolean wantsJson() {
    return responseFormat != null
        && ("json_object".equals(responseFormat.type())
            || "json_schema".equals(responseFormat.type()));
  }

  record ChatMessage(String role, JsonNode content) {}

  /** OpenAI's {@code response_format}; only its {@code type} is read. */
  record ResponseFormat(String type) {}

  record StreamOptions(Boolean includeUsage) {}
}
