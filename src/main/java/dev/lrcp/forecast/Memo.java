package dev.lrcp.forecast;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Results kept for a minute; bounded by clearing when full (a few slices are polled). */
final class Memo {
  private static final Duration FOR = Duration.ofMinutes(1);
  private static final int MAX = 256;
  private final Map<Object, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;

  private record Entry(Instant at, Object value) {}

  Memo(Clock clock) {
    this.clock = clock;
  }

  @SuppressWarnings("unchecked")
  <T> T get(Object key, Supplier<T> compute) {
    Instant now = clock.instant();
    Entry e = entries.get(key);
    if (e != null && now.isBefore(e.at().plus(FOR)) && !now.isBefore(e.at())) {
      return (T) e.value();
    }
    T value = compute.get();
    if (entries.size() >= MAX) {
      entries.clear();
    }
    entries.put(key, new Entry(now, value));
    return value;
  }
}
