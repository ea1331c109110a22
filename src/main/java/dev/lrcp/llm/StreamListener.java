package dev.lrcp.llm;

/**
 * Receives text deltas while a model generates. Must be cheap.
 *
 * <p>Cancellation: a listener whose consumer has gone (a streaming client disconnected) throws
 * {@link java.util.concurrent.CancellationException} from {@link #onText}. Adapters let it
 * propagate unwrapped and close the upstream call on the way out (closing the response body aborts
 * the HTTP exchange); decorators must not retry, fall back or translate it into an {@link
 * LlmException}. It is the only exception a listener may throw.
 */
@FunctionalInterface
public interface StreamListener {

  StreamListener NONE = delta -> {};

  void onText(String delta);
}
