package dev.lrcp.stream;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * Numbers every event, keeps the replayable ones in a {@link ReplayLog} and the latest of each
 * state event, and offers the rendered frame to every subscriber. Registering a subscriber and
 * publishing share one lock, so a resuming client gets its replay and then every later event, with
 * nothing lost in between and nothing twice.
 */
final class Broadcaster {

  static final int REPLAY_CAPACITY = 1024;
  static final long RETRY_MILLIS = 2_000;

  private final JsonMapper json;
  private final Clock clock;
  private final int maxSubscribers;
  private final String boot;
  private final ReplayLog log = new ReplayLog(REPLAY_CAPACITY);
  private final Map<String, String> latestState = new ConcurrentHashMap<>();
  private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
  private final Object lock = new Object();
  private long nextSeq = 1;

  Broadcaster(JsonMapper json, Clock clock, int maxSubscribers) {
    this.json = json;
    this.clock = clock;
    this.maxSubscribers = maxSubscribers;
    this.boot = Long.toString(clock.millis(), 36);
  }

  /** A change every subscriber sees and a resuming one gets again. */
  void publish(String type, Object payload) {
    publish(type, payload, true);
  }

  /** The current value of something (the health score): sent live, and its latest on connect. */
  void publishState(String type, Object payload) {
    publish(type, payload, false);
  }

  private void publish(String type, Object payload, boolean replayable) {
    String data = json.writeValueAsString(payload);
    synchronized (lock) {
      Frame frame = Frame.event(new EventId(boot, nextSeq++), type, data, replayable);
      if (replayable) {
        log.add(frame);
      } else {
        latestState.put(type, data);
      }
      for (Subscriber s : subscribers) {
        s.offer(frame.bytes());
      }
    }
  }

  /**
   * Opens a subscription: what it missed since {@code lastEventId} (or a {@code reset} when that is
   * no longer known), a {@code ready} event carrying the current position, then the latest state.
   *
   * @return empty when the subscriber limit is reached
   */
  Optional<Subscriber> subscribe(String lastEventId) {
    synchronized (lock) {
      if (subscribers.size() >= maxSubscribers) {
        return Optional.empty();
      }
      var subscriber = new Subscriber(firstFrames(lastEventId), subscribers::remove);
      subscribers.add(subscriber);
      return Optional.of(subscriber);
    }
  }

  /** Under the lock: {@code retry}, the replay or a {@code reset}, {@code ready}, the state. */
  private List<byte[]> firstFrames(String lastEventId) {
    var first = new ArrayList<byte[]>();
    first.add(Frame.retry(RETRY_MILLIS));
    EventId position = new EventId(boot, nextSeq - 1);
    EventId.parse(lastEventId)
        .ifPresent(
            last ->
                log.after(last, boot, nextSeq)
                    .ifPresentOrElse(
                        missed -> missed.forEach(f -> first.add(f.bytes())),
                        () -> first.add(control("reset", position, resetReason(last)))));
    first.add(control("ready", position, Map.of("replay_capacity", REPLAY_CAPACITY)));
    // without an id line: the client's Last-Event-ID stays at the ready event's position
    latestState.forEach(
        (type, data) ->
            first.add(
                ("event: " + type + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8)));
    return first;
  }

  void heartbeat() {
    byte[] frame = Frame.heartbeat(clock.millis());
    subscribers.forEach(s -> s.offer(frame));
  }

  int subscriberCount() {
    return subscribers.size();
  }

  void closeAll() {
    subscribers.forEach(Subscriber::close);
  }

  private byte[] control(String type, EventId position, Object payload) {
    return Frame.event(position, type, json.writeValueAsString(payload), false).bytes();
  }

  private Map<String, String> resetReason(EventId last) {
    return Map.of(
        "reason",
        last.boot().equals(boot)
            ? "events after " + last + " are no longer kept; reload the current state"
            : "the stream restarted (or this is another replica); reload the current state");
  }
}
