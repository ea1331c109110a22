package dev.lrcp.datadog.action;

import dev.lrcp.incident.Incident;
import dev.lrcp.incident.IncidentMarkdown;
import java.time.Instant;

/** The text cells of a root-cause notebook: what failed, why, what next, in Markdown. */
final class RcaText {

  private RcaText() {}

  static String header(Incident i, Instant start, Instant end, Instant now) {
    String state =
        i.resolvedAt() == null
            ? "still " + i.status() + " at " + now
            : "resolved at " + i.resolvedAt();
    return "# "
        + i.title()
        + "\n**"
        + i.severity()
        + "** · rule `"
        + i.rule()
        + "` · "
        + i.scope().phrase()
        + " · incident `"
        + i.id()
        + "`\n\nOpened at "
        + i.openedAt()
        + ", "
        + state
        + ". Graphs, spans and logs below cover "
        + start
        + " to "
        + end
        + " and are filtered to the incident's scope.";
  }

  static String evidence(Incident i, String appUrl) {
    var e = i.evidence();
    if (e == null) {
      return "## What failed\n" + i.title() + " (opened by a person: no rule evidence).";
    }
    var md = new StringBuilder("## What failed\n");
    md.append(
        String.format(
            "`%s` %s = **%s %s** against a threshold of %s %s, over %s and %d calls",
            e.metric(),
            e.statistic(),
            Cells.plain(e.value()),
            e.unit(),
            Cells.plain(e.threshold()),
            e.unit(),
            e.window(),
            e.requests()));
    if (e.baseline() != null) {
      md.append(" (baseline ")
          .append(Cells.plain(e.baseline()))
          .append(' ')
          .append(e.unit())
          .append(')');
    }
    md.append(".\n\nCalls that show it:\n");
    for (var sample : e.samples()) {
      md.append("- prompt `").append(sample.promptId()).append('`');
      if (sample.traceId() != null) {
        md.append(" · [trace](")
            .append(appUrl)
            .append("/apm/trace/")
            .append(sample.traceId())
            .append(')');
      }
      md.append('\n');
    }
    return md.toString();
  }

  static String attribution(Incident i) {
    var a = i.attribution();
    if (a == null) {
      return "## Why\nNo attribution: the incident was opened by a person.";
    }
    var md =
        new StringBuilder("## Why\n")
            .append(a.summary())
            .append(String.format(" (confidence %.2f)%n", a.confidence()));
    if (!a.causes().isEmpty()) {
      md.append("\n| dimension | value | explanatory power | surprise |\n|---|---|---|---|\n");
      for (var c : a.causes()) {
        md.append(
            String.format(
                "| %s | %s | %.2f | %.3f |%n",
                c.dimension(), c.value(), c.explanatoryPower(), c.surprise()));
      }
    }
    return md.toString();
  }

  static String runbook(Incident i) {
    return "## What next\n" + IncidentMarkdown.whatNext(i);
  }
}
