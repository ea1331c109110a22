package dev.lrcp.llm.openai;

import dev.lrcp.llm.StreamListener;
import dev.lrcp.llm.TokenUsage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a streamed chat completion ({@code data: {json}} lines, then {@code data: [DONE]}) on the
 * calling thread, forwarding text deltas to the listener as they arrive and keeping the finish
 * reason and the final usage chunk.
 */
final class SseChatReader {

  private final StreamListener listener;
  private final StringBuilder text = new StringBuilder();
  private String finishReason;
  private TokenUsage usage;
  private boolean malformed;

  SseChatReader(StreamListener listener) {
    this.listener = listener;
  }

  /**
   * @return false once the stream is malformed: nothing more is worth reading
   */
  boolean line(String line) {
    if (!line.startsWith("data:")) {
      return true; // blank separators, comments, event names
    }
    String data = line.substring(5).strip();
    if (data.equals("[DONE]")) {
      return true;
    }
    try {
      chunk(ChatCompletionsJson.MAPPER.readTree(data));
      return true;
    } catch (JacksonException e) {
      malformed = true;
      return false;
    }
  }

  private void chunk(JsonNode chunk) {
    JsonNode choice = chunk.path("choices").path(0);
    String delta = choice.path("delta").path("content").asString("");
    if (!delta.isEmpty()) {
      text.append(delta);
      listener.onText(delta);
    }
    String finish = choice.path("finish_reason").asString("");
    if (!finish.isEmpty()) {
      finishReason = finish;
    }
    if (chunk.path("usage").isObject()) {
      usage = ChatCompletionsJson.usage(chunk.path("usage"));
    }
  }

  String text() {
    return text.toString();
  }

  String finishReason() {
    return finishReason;
  }

  /** Null when the server sent no usage chunk (older servers ignore {@code include_usage}). */
  TokenUsage usage() {
    return usage;
  }

  boolean malformed() {
    return malformed;
  }
}
