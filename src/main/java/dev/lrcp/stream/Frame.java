package dev.lrcp.stream;

import java.nio.charset.StandardCharsets;

/**
 * One server-sent event rendered once, as the bytes every subscriber receives.
 *
 * @param replayable whether a resuming client gets it again ({@code health} is state, not history:
 *     a client gets the latest one on connect instead)
 */
record Frame(EventId id, String type, boolean replayable, byte[] bytes) {

  static Frame event(EventId id, String type, String json, boolean replayable) {
    String text = "id: " + id + "\nevent: " + type + "\ndata: " + json + "\n\n";
    return new Frame(id, type, replayable, text.getBytes(StandardCharsets.UTF_8));
  }

  /** A comment line: keeps proxies and clients from timing the connection out. */
  static byte[] heartbeat(long epochMillis) {
    return (": heartbeat " + epochMillis + "\n\n").getBytes(StandardCharsets.UTF_8);
  }

  /** Tells a new connection how long to wait before reconnecting. */
  static byte[] retry(long millis) {
    return ("retry: " + millis + "\n\n").getBytes(StandardCharsets.UTF_8);
  }
}
