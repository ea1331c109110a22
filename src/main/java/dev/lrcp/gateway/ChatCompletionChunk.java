package dev.lrcp.gateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One server-sent event of a streamed completion ({@code "object": "chat.completion.chunk"}). The
 * first delta carries the role; the last choice chunk carries {@code finish_reason}; with {@code
 * stream_options.include_usage} a final chunk with no choices carries the usage.
 */
record ChatCompletionChunk(
    String id, String object, long created, String model, List<Choice> choices, Usage usage) {

  static ChatCompletionChunk delta(StreamHeader h, String role, String content) {
    return new ChatCompletionChunk(
        h.id(),
        "chat.completion.chunk",
        h.created(),
        h.model(),
        List.of(new Choice(0, new Delta(role, content), null)),
        null);
  }

  static ChatCompletionChunk finish(StreamHeader h, String finishReason) {
    return new ChatCompletionChunk(
        h.id(),
        "chat.completion.chunk",
        h.created(),
        h.model(),
        List.of(new Choice(0, new Delta(null, null), finishReason)),
        null);
  }

  static ChatCompletionChunk usage(StreamHeader h, Usage usage) {
    return new ChatCompletionChunk(
        h.id(), "chat.completion.chunk", h.created(), h.model(), List.of(), usage);
  }

  /** What every chunk of one stream repeats. */
  record StreamHeader(String id, long created, String model) {}

  record Choice(int index, Delta delta, String finishReason) {}

  /** Like OpenAI, a delta names only what it carries: the role once, then content. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Delta(String role, String content) {}
}
