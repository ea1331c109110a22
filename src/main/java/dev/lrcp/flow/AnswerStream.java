package dev.lrcp.flow;

import dev.lrcp.llm.StreamListener;

/**
 * Where a streaming entry point receives the answer while it is generated. The flow names the call
 * and its model first ({@link #begin}), then passes the model's text deltas ({@link #onText}),
 * which may throw {@link java.util.concurrent.CancellationException} when the client has gone.
 */
public interface AnswerStream extends StreamListener {

  /** Called once, before the model is called and before any text. */
  void begin(String promptId, String model);
}
