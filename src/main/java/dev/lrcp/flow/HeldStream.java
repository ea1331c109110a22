package dev.lrcp.flow;

import dev.lrcp.llm.StreamListener;
import java.util.ArrayList;
import java.util.List;

/** Deltas kept back from a streaming caller while a stage checks the answer they make up. */
final class HeldStream implements StreamListener {

  private final List<String> deltas = new ArrayList<>();

  @Override
  public void onText(String delta) {
    deltas.add(delta);
  }

  void replayTo(StreamListener caller) {
    deltas.forEach(caller::onText);
  }
}
