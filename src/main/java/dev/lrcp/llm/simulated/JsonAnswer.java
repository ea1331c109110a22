package dev.lrcp.llm.simulated;

/**
 * A simulated answer in the JSON shape a caller asked for, {@code {"answer": "…"}}; a broken one is
 * cut short before its closing quote and brace, as a truncated or careless model writes it.
 */
final class JsonAnswer {

  private JsonAnswer() {}

  static String of(String text, boolean broken) {
    var json = new StringBuilder("{\"answer\": \"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return broken ? json.toString() : json.append("\"}").toString();
  }
}
