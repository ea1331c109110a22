package dev.lrcp.datadog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the conditional blocks of a monitor message for one notification, as Datadog does, so a
 * replay knows which {@code @handles} a transition reaches: {@code {{#is_alert}}}, {@code
 * {{^is_no_data}}}, {@code {{#is_exact_match "env.name" "prod"}}}, {@code {{else}}} and nesting.
 * Variables other than the conditions are left as written.
 */
final class NotificationTemplate {

  /**
   * @param conditions the true state variables of this notification ({@code is_alert}, {@code
   *     is_recovery}, {@code is_alert_recovery}, {@code is_renotify}, ...)
   * @param group the alert's group tags, for {@code is_match} and {@code is_exact_match}
   */
  record Event(Set<String> conditions, Map<String, String> group) {}

  private static final Pattern TAG = Pattern.compile("\\{\\{([#^/])(\\w+)([^}]*)}}|\\{\\{else}}");
  private static final Pattern ARGUMENT = Pattern.compile("\"([^\"]*)\"");

  private final String message;
  private final Event event;
  private final Matcher tags;

  private NotificationTemplate(String message, Event event) {
    this.message = message;
    this.event = event;
    this.tags = TAG.matcher(message);
  }

  static String render(String message, Event event) {
    StringBuilder out = new StringBuilder();
    new NotificationTemplate(message, event).section(0, null, true, true, out);
    return out.toString();
  }

  static List<String> handles(String rendered) {
    List<String> handles = new ArrayList<>();
    Matcher m = MessageRules.HANDLE.matcher(rendered);
    while (m.find()) handles.add(m.group(1));
    return handles;
  }

  /**
   * Renders from {@code pos} up to the closing tag of section {@code name}, whose text shows when
   * its parent shows and its condition is {@code truth} ({@code {{else}}} shows the opposite).
   */
  private int section(int pos, String name, boolean parentShown, boolean truth, StringBuilder out) {
    boolean showing = parentShown && truth;
    while (tags.find(pos)) {
      if (showing) out.append(message, pos, tags.start());
      pos = tags.end();
      if (tags.group(1) == null) {
        showing = parentShown && !truth;
      } else if (tags.group(1).equals("/")) {
        if (!tags.group(2).equals(name)) {
          throw new IllegalArgumentException("unbalanced " + tags.group());
        }
        return pos;
      } else {
        String inner = tags.group(2);
        boolean holds = holds(inner, tags.group(3)) == tags.group(1).equals("#");
        pos = section(pos, inner, showing, holds, out);
      }
    }
    if (name != null) throw new IllegalArgumentException("{{#" + name + "}} is not closed");
    if (showing) out.append(message, pos, message.length());
    return message.length();
  }

  private boolean holds(String name, String arguments) {
    if (!name.equals("is_match") && !name.equals("is_exact_match")) {
      return event.conditions().contains(name);
    }
    List<String> args = new ArrayList<>();
    Matcher a = ARGUMENT.matcher(arguments);
    while (a.find()) args.add(a.group(1));
    String value = event.group().get(args.getFirst().replace(".name", ""));
    if (value == null) return false;
    List<String> wanted = args.subList(1, args.size());
    return name.equals("is_exact_match")
        ? wanted.contains(value)
        : wanted.stream().anyMatch(w -> value.toLowerCase().contains(w.toLowerCase()));
  }
}
