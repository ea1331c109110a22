package dev.lrcp.stream;

import java.util.Optional;

/**
 * {@code <boot>-<seq>}: the sequence number of an event within one run of this process. The boot
 * part tells a client that reconnects to another replica, or after a restart, that its last id
 * means nothing here.
 */
record EventId(String boot, long seq) {

  @Override
  public String toString() {
    return boot + "-" + seq;
  }

  static Optional<EventId> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    int dash = text.strip().lastIndexOf('-');
    if (dash <= 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new EventId(
              text.strip().substring(0, dash), Long.parseLong(text.strip().substring(dash + 1))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
