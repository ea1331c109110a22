package dev.lrcp.gateway;

import dev.lrcp.gateway.ChatCompletionChunk.StreamHeader;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.StreamListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Forwards each delta to the client as one server-sent event, flushed at once (no buffering, no
 * batching). The response is committed only at the first delta, so a call that fails before any
 * text still gets a proper error status. A failed write means the client has gone: the writer
 * throws {@link CancellationException}, which the adapter propagates, closing the upstream call.
 */
final class SseWriter implements StreamListener {

  private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

  private final HttpServletResponse response;
  private final JsonMapper json;
  private final StreamHeader header;
  private ServletOutputStream out;

  SseWriter(HttpServletResponse response, JsonMapper json, StreamHeader header) {
    this.response = response;
    this.json = json;
    this.header = header;
  }

  @Override
  public void onText(String delta) {
    if (!delta.isEmpty()) {
      send(ChatCompletionChunk.delta(header, started() ? null : "assistant", delta));
    }
  }

  boolean started() {
    return out != null;
  }

  /** Finish chunk, the usage chunk when asked for, then {@code [DONE]}. */
  void complete(LlmResponse r, boolean includeUsage) {
    if (!started()) {
      // An adapter (or a safety block) produced no delta: the whole answer goes in one chunk.
      send(ChatCompletionChunk.delta(header, "assistant", r.text()));
    }
    send(ChatCompletionChunk.finish(header, ChatTranslator.finishReason(r)));
    if (includeUsage) {
      send(ChatCompletionChunk.usage(header, Usage.of(r.usage())));
    }
    write(DONE);
  }

  /** After the first delta the status is sent; the failure goes in-band, as OpenAI does. */
  void fail(GatewayException e) {
    send(e.body());
  }

  private void send(Object event) {
    byte[] body = json.writeValueAsBytes(event);
    try {
      ServletOutputStream stream = stream();
      stream.write(DATA);
      stream.write(body);
      stream.write(END);
      stream.flush();
    } catch (IOException e) {
      throw cancelled(e);
    }
  }

  private void write(byte[] bytes) {
    try {
      ServletOutputStream stream = stream();
      stream.write(bytes);
      stream.flush();
    } catch (IOException e) {
      throw cancelled(e);
    }
  }

  private ServletOutputStream stream() throws IOException {
    if (out == null) {
      response.setStatus(HttpServletResponse.SC_OK);
      response.setContentType("text/event-stream;charset=UTF-8");
      response.setHeader("Cache-Control", "no-cache");
      response.setHeader("X-Accel-Buffering", "no");
      out = response.getOutputStream();
    }
    return out;
  }

  private static CancellationException cancelled(IOException cause) {
    var e = new CancellationException("client disconnected");
    e.initCause(cause);
    return e;
  }
}
