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
    Integer n) {

  boolean streaming() {
    return Boolean.TRUE.equals(stream);
  }

  boolean includeUsage() {
    return streamOptions != null && Boolean.TRUE.equals(streamOptions.includeUsage());
  }

  record ChatMessage(String role, JsonNode content) {}

  record StreamOptions(Boolean includeUsage) {}
}
