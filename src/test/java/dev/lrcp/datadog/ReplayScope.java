package dev.lrcp.datadog;

import java.util.List;
import java.util.Map;

/** Datadog's scope filter: {@code tag:value}, {@code !tag:value} (untagged points pass), *. */
final class ReplayScope {

  private ReplayScope() {}

  static boolean matches(List<String> scope, Map<String, String> tags) {
    for (String term : scope) {
      if (term.equals("*")) continue;
      boolean negated = term.startsWith("!");
      String t = negated ? term.substring(1) : term;
      int colon = t.indexOf(':');
      String key = colon < 0 ? t : t.substring(0, colon);
      String value = tags.get(key);
      boolean match = value != null && (colon < 0 || globMatches(t.substring(colon + 1), value));
      if (match == negated) return false;
    }
    return true;
  }

  private static boolean globMatches(String pattern, String value) {
    return pattern.endsWith("*")
        ? value.startsWith(pattern.substring(0, pattern.length() - 1))
        : pattern.equals(value);
  }
}
