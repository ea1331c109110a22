package dev.lrcp.llm.openai;

import dev.lrcp.llm.StreamListener;
import dev.lrcp.llm.TokenUsage;
import java.util.concurrent.Flow;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a streamed chat completion ({@code data: {json}} lines, then {@code data: [DONE]}),
 * forwarding text deltas as they arrive and keeping the finish reason and the final usage chunk.
 */
final class SseChatSubscriber implements Flow.Subscriber<String> {

  private final StreamListener listener;
  private final StringBuilder text = new StringBuilder();
  private volatile String finishReason;
  private volatile TokenUsage usage;
  private volatile boolean malformed;
  private Flow.Subscription subscription;

  SseChatSubscriber(StreamListener listener) {
    this.listener = listener;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(String line) {
    if (!line.startsWith("data:")) {
      return; // blank separators, comments, event names
    }
    String data = line.substring(5).strip();
    if (data.equals("[DONE]") || malformed) {
      return;
    }
    try {
      chunk(ChatCompletionsJson.MAPPER.readTree(data));
    } catch (JacksonException e) {
      malformed = true;
      subscription.cancel();
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

  @Override
  public void onError(Throwable throwable) {}

  @Override
  public void onComplete() {}

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
