package dev.lrcp.admission;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The quotas of a key or an application, built once per minute (and again when its limits change)
 * instead of once per call: building them works out the UTC day, month and minute and allocates a
 * record per limit, which a busy gateway would otherwise do thousands of times a second.
 */
final class SubjectCache {

  private static final long MINUTE_MS = 60_000;

  private final KeyDirectory directory;
  private final Map<String, Entry> byKey = new ConcurrentHashMap<>();
  private final Map<String, Entry> byApplication = new ConcurrentHashMap<>();

  /** Subjects built at {@code minute} from exactly these limits. */
  private record Entry(VirtualKey key, Limits application, long minute, Subjects subjects) {}

  SubjectCache(KeyDirectory directory) {
    this.directory = directory;
  }

  Subjects of(VirtualKey key, String application, long nowMs) {
    Limits appLimits = directory.application(application);
    long minute = nowMs / MINUTE_MS;
    if (key == null && (application == null || appLimits == Limits.NONE)) {
      return Subjects.NONE;
    }
    Map<String, Entry> cache = key != null ? byKey : byApplication;
    String id = key != null ? key.id() : application;
    Entry e = cache.get(id);
    if (e == null
        || e.minute() != minute
        || e.key() != key
        || e.application() != appLimits
        || (key != null && !java.util.Objects.equals(key.application(), application))) {
      e = new Entry(key, appLimits, minute, Subjects.of(key, application, appLimits, nowMs));
      cache.put(id, e);
    }
    return e.subjects();
  }
}
