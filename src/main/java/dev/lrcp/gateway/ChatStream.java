package dev.lrcp.gateway;

import dev.lrcp.flow.AnswerStream;
import dev.lrcp.gateway.ChatCompletionChunk.StreamHeader;
import dev.lrcp.llm.LlmResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAI event stream of one call: each upstream delta becomes one {@code
 * chat.completion.chunk} as it arrives (no buffering, no batching; the first carries the role),
 * then the finish chunk, the usage chunk when asked for, and {@code [DONE]}. Nothing is sent before
 * the first delta, so a call that fails before any text still gets a proper error status. When the
 * client has gone the reply throws {@link java.util.concurrent.CancellationException}, which the
 * adapter propagates, closing the upstream call.
 */
final class ChatStream implements AnswerStream {

  private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

  private final ChatReply reply;
  private final JsonMapper json;
  private final long created;
  private StreamHeader header;
  private boolean started;

  ChatStream(ChatReply reply, JsonMapper json, long created) {
    this.reply = reply;
    this.json = json;
    this.created = created;
  }

  @Override
  public void begin(String promptId, String model) {
    header = new StreamHeader(ChatTranslator.chatId(promptId), created, model);
    reply.requestId(promptId);
  }

  @Override
  public void onText(String delta) {
    if (!delta.isEmpty()) {
      send(ChatCompletionChunk.delta(header, started ? null : "assistant", delta));
    }
  }

  boolean started() {
    return started;
  }

  /** Finish chunk, the usage chunk when asked for, then {@code [DONE]}. */
  void complete(LlmResponse r, boolean includeUsage) {
    if (!started) {
      // An adapter (or a safety block) produced no delta: the whole answer goes in one chunk.
      send(ChatCompletionChunk.delta(header, "assistant", r.text()));
    }
    send(ChatCompletionChunk.finish(header, ChatTranslator.finishReason(r)));
    if (includeUsage) {
      send(ChatCompletionChunk.usage(header, Usage.of(r.usage())));
    }
    reply.event(DONE);
    reply.end();
  }

  /** After the first delta the status is sent; the failure goes in-band, as OpenAI does. */
  void fail(GatewayException e) {
    send(e.body());
    reply.end();
  }

  private void send(Object event) {
    started = true;
    reply.event(json.writeValueAsBytes(event));
  }
}
