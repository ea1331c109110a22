package dev.lrcp.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The last {@code capacity} replayable events, for clients that reconnect with {@code
 * Last-Event-ID}. Not thread-safe: the broadcaster guards it.
 */
final class ReplayLog {

  private final int capacity;
  private final Deque<Frame> frames = new ArrayDeque<>();
  private long lastEvictedSeq = -1;

  ReplayLog(int capacity) {
    this.capacity = capacity;
  }

  void add(Frame frame) {
    frames.addLast(frame);
    if (frames.size() > capacity) {
      lastEvictedSeq = frames.removeFirst().id().seq();
    }
  }

  /**
   * The replayable events after {@code last}, oldest first; empty when one of them is no longer
   * kept, or {@code last} belongs to another run, and the client must reload its state instead.
   *
   * @param next the sequence number the next event will get
   */
  Optional<List<Frame>> after(EventId last, String boot, long next) {
    if (!last.boot().equals(boot) || last.seq() >= next || last.seq() < lastEvictedSeq) {
      return Optional.empty();
    }
    var missed = new ArrayList<Frame>();
    for (Frame f : frames) {
      if (f.id().seq() > last.seq()) {
        missed.add(f);
      }
    }
    return Optional.of(missed);
  }
}
