package dev.lrcp.incident;

import java.util.ArrayList;
import java.util.List;

/** The incident as Markdown for external systems: what failed, why, what next, where to look. */
public final class IncidentMarkdown {

  private IncidentMarkdown() {}

  public static String body(Incident i, DatadogAccount account) {
    var md = new StringBuilder();
    md.append("**What failed:** ").append(i.title()).append("\n\n");
    if (i.evidence() != null) {
      var e = i.evidence();
      md.append(
          String.format(
              "Evidence: %s %s = %s (threshold %s %s) over %s, %d calls.%n%n",
              e.metric(),
              e.statistic(),
              e.value(),
              e.threshold(),
              e.unit(),
              e.window(),
              e.requests()));
    }
    if (i.attribution() != null) {
      md.append("**Why:** ")
          .append(i.attribution().summary())
          .append(String.format(" (confidence %.2f)%n%n", i.attribution().confidence()));
    }
    md.append("**What next:**\n").append(whatNext(i));
    md.append("\nIncident ")
        .append(i.id())
        .append(" · service:")
        .append(account.service())
        .append(" env:")
        .append(account.env());
    return md.toString();
  }

  /** The runbook as a numbered list, then the dashboard, logs and traces links. */
  public static String whatNext(Incident i) {
    var md = new StringBuilder();
    for (int n = 0; n < i.runbook().size(); n++) {
      md.append(n + 1).append(". ").append(i.runbook().get(n)).append('\n');
    }
    if (i.links() != null) {
      md.append("\n[Dashboard](")
          .append(i.links().dashboard())
          .append(") · [Logs](")
          .append(i.links().logs())
          .append(") · [Traces](")
          .append(i.links().traces())
          .append(")\n");
    }
    return md.toString();
  }

  static List<String> tags(Incident i, DatadogAccount account) {
    var tags =
        new ArrayList<>(
            List.of(
                "service:" + account.service(),
                "env:" + account.env(),
                "source:lrcp",
                "rule:" + i.rule(),
                "severity:" + i.severity()));
    tags.addAll(i.tags());
    if (i.scope().endpoint() != null) {
      tags.add("endpoint:" + i.scope().endpoint());
    }
    if (i.scope().model() != null) {
      tags.add("model:" + i.scope().model());
    }
    return tags;
  }
}
