package dev.lrcp.llm;

/** Receives text deltas while a model generates. Must be cheap and must not throw. */
@FunctionalInterface
public interface StreamListener {

  StreamListener NONE = delta -> {};

  void onText(String delta);
}
