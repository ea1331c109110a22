package dev.lrcp.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tags of one metric line. A null or blank value leaves the tag out (e.g. {@code application} on a
 * call without one). Values are sanitised to Datadog's tag alphabet, so a stray comma, pipe or
 * space can never break the DogStatsD line. A {@link #frozen()} set is immutable and can be shared
 * between threads and calls: its line array is built once, and {@link MetricEmitter} checks its
 * keys against a metric's declaration only the first time.
 */
final class Tags {

  private static final Pattern ILLEGAL = Pattern.compile("[^A-Za-z0-9_\\-:./]");
  private static final int MAX_LENGTH = 200;

  private final List<String> keys;
  private final List<String> rendered;
  private final String[] array;
  // bit i set = checked against Metric with ordinal i (frozen sets only; a lost update re-checks)
  private volatile long checked;

  private Tags(List<String> keys, List<String> rendered, String[] array) {
    this.keys = keys;
    this.rendered = rendered;
    this.array = array;
  }

  static Tags of(String key, String value) {
    return none().and(key, value);
  }

  static Tags none() {
    return new Tags(new ArrayList<>(8), new ArrayList<>(8), null);
  }

  Tags and(String key, String value) {
    if (array != null) {
      throw new IllegalStateException("frozen tags cannot change");
    }
    if (value != null && !value.isBlank()) {
      keys.add(key);
      rendered.add(key + ":" + sanitize(value));
    }
    return this;
  }

  /** A mutable copy, so one base set can be extended per metric. */
  Tags copy() {
    var copy = none();
    copy.keys.addAll(keys);
    copy.rendered.addAll(rendered);
    return copy;
  }

  /** An immutable copy whose line array is built once. */
  Tags frozen() {
    return array != null
        ? this
        : new Tags(List.copyOf(keys), List.copyOf(rendered), rendered.toArray(String[]::new));
  }

  List<String> keys() {
    return keys;
  }

  /** The rendered {@code key:value} strings; shared (never to be modified) when frozen. */
  String[] toArray() {
    return array != null ? array : rendered.toArray(String[]::new);
  }

  boolean checkedFor(int metric) {
    return metric < Long.SIZE && (checked & (1L << metric)) != 0;
  }

  void markChecked(int metric) {
    if (array != null && metric < Long.SIZE) {
      checked |= 1L << metric;
    }
  }

  static String sanitize(String value) {
    String trimmed = value.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH) : value;
    for (int i = 0; i < trimmed.length(); i++) {
      if (!legal(trimmed.charAt(i))) {
        return ILLEGAL.matcher(trimmed).replaceAll("_");
      }
    }
    return trimmed;
  }

  private static boolean legal(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '-'
        || c == ':'
        || c == '.'
        || c == '/';
  }
}
