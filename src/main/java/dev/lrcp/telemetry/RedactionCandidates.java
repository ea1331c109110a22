package dev.lrcp.telemetry;

/**
 * What one pass over a text found that a {@link Redactor} rule needs before its regular expression
 * can match: a key marker ({@code sk-}, {@code AIza}, {@code gh?_}, {@code xox}, {@code AKIA},
 * {@code eyJ}, {@code bearer}, {@code key}, {@code token}, {@code secret}, {@code passw}, any
 * case), an {@code @}, and the number of ASCII digits (what {@code \d} matches). Each flag is a
 * necessary condition of its rule, so skipping a rule whose flag is off never changes the result. A
 * scan by hand, because a case-insensitive alternation tried at every index was most of the logging
 * cost.
 */
record RedactionCandidates(boolean keyMarker, boolean at, int digits) {

  static RedactionCandidates of(String text) {
    boolean marker = false;
    boolean at = false;
    int digits = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '@') {
        at = true;
      } else if (!marker) {
        marker = markerAt(text, i, c);
      }
    }
    return new RedactionCandidates(marker, at, digits);
  }

  private static boolean markerAt(String text, int i, char c) {
    return RedactionStarts.apiMarkerAt(text, i) || RedactionStarts.keywordMarkerLength(text, i) > 0;
  }
}
