package dev.lrcp.datadog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The conditional blocks of a Datadog message ({@code {{#is_alert}}...{{/is_alert}}}), as far as
 * the linter needs them: the text inside the blocks of one variable, or the text outside them.
 */
final class Blocks {

  private Blocks() {}

  /** Text inside every {@code {{#name ...}}} or {@code {{^name ...}}} block, concatenated. */
  static String inside(String message, String name) {
    StringBuilder out = new StringBuilder();
    Matcher m = block(name, "[#^]" + Pattern.quote(name) + "\\b[^}]*").matcher(message);
    while (m.find()) out.append(m.group(1)).append('\n');
    return out.toString();
  }

  /** The message without the blocks that open with exactly {@code opening}. */
  static String outside(String message, String name, String opening) {
    return block(name, Pattern.quote(opening.substring(2, opening.length() - 2)))
        .matcher(message)
        .replaceAll("");
  }

  private static Pattern block(String name, String openingBody) {
    return Pattern.compile(
        "\\{\\{" + openingBody + "}}(.*?)\\{\\{/" + Pattern.quote(name) + "}}", Pattern.DOTALL);
  }
}
