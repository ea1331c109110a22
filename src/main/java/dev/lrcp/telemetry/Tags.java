package dev.lrcp.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tags of one metric line. A null or blank value leaves the tag out (e.g. {@code application} on a
 * call without one). Values are sanitised to Datadog's tag alphabet, so a stray comma, pipe or
 * space can never break the DogStatsD line.
 */
final class Tags {

  private static final Pattern ILLEGAL = Pattern.compile("[^A-Za-z0-9_\\-:./]");
  private static final int MAX_LENGTH = 200;

  private final List<String> keys = new ArrayList<>(8);
  private final List<String> rendered = new ArrayList<>(8);

  static Tags of(String key, String value) {
    return new Tags().and(key, value);
  }

  static Tags none() {
    return new Tags();
  }

  Tags and(String key, String value) {
    if (value != null && !value.isBlank()) {
      keys.add(key);
      rendered.add(key + ":" + sanitize(value));
    }
    return this;
  }

  /** A copy, so one base set can be extended per metric. */
  Tags copy() {
    var copy = new Tags();
    copy.keys.addAll(keys);
    copy.rendered.addAll(rendered);
    return copy;
  }

  List<String> keys() {
    return keys;
  }

  String[] toArray() {
    return rendered.toArray(String[]::new);
  }

  static String sanitize(String value) {
    String trimmed = value.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH) : value;
    return ILLEGAL.matcher(trimmed).replaceAll("_");
  }
}
