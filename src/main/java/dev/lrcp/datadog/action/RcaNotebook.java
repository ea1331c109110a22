package dev.lrcp.datadog.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lrcp.incident.DatadogAccount;
import dev.lrcp.incident.Incident;
import dev.lrcp.incident.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The root-cause notebook of one incident: its evidence, attribution and runbook as text, then
 * graphs, spans and logs filtered to its scope over its window (30 minutes before it opened to 15
 * after it resolved, as the incident's own links).
 */
final class RcaNotebook {

  static final Duration BEFORE = Duration.ofMinutes(30);
  static final Duration AFTER = Duration.ofMinutes(15);
  private static final int MAX_NAME = 120;

  private final DatadogAccount account;
  private final Scopes scopes;

  RcaNotebook(DatadogAccount account, Scopes scopes) {
    this.account = account;
    this.scopes = scopes;
  }

  /** What identifies the incident's notebook among the others, whatever its title became. */
  static String namePrefix(Incident i) {
    return "RCA " + i.id() + ":";
  }

  ObjectNode build(Incident i, Instant now) {
    String name = namePrefix(i) + " " + i.title();
    Instant end = i.resolvedAt() == null ? now : i.resolvedAt().plus(AFTER);
    Instant start = i.openedAt().minus(BEFORE);
    var cells = new ArrayList<ObjectNode>();
    cells.add(Cells.markdown(RcaText.header(i, start, end.isAfter(now) ? now : end, now)));
    cells.add(Cells.markdown(RcaText.evidence(i, account.appUrl())));
    cells.add(Cells.markdown(RcaText.attribution(i)));
    cells.add(Cells.markdown(RcaText.runbook(i)));
    cells.addAll(evidenceGraphs(i));
    cells.addAll(context(i.scope()));
    return Cells.notebook(
        name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name,
        start,
        end.isAfter(now) ? now : end,
        cells);
  }

  /** The statistic the rule judged, drawn with its threshold where both share a unit. */
  private List<ObjectNode> evidenceGraphs(Incident i) {
    var e = i.evidence();
    if (e == null) {
      return List.of();
    }
    Scope s = i.scope();
    String calls = "sum:llm.request.count" + scopes.metric("llm.request.count", s) + ".as_count()";
    String m = e.metric();
    String scoped = m + scopes.metric(m, s);
    return switch (m) {
      case "llm.request.latency_ms" ->
          List.of(
              graph(
                  "p95 latency (ms), SLO " + Cells.plain(e.threshold()) + " ms",
                  "p95:" + scoped + " by {endpoint,model}",
                  e.threshold(),
                  "SLO"));
      case "llm.error.count" ->
          List.of(
              graph(
                  "Error rate (%)",
                  "100 * sum:" + scoped + ".as_count() / " + calls,
                  e.threshold() * 100,
                  "threshold"),
              Cells.bars("Errors by type", "sum:" + scoped + " by {error_type}.as_count()"));
      case "llm.retry_count" ->
          List.of(
              graph(
                  "Retries per call",
                  "sum:" + scoped + ".as_count() / " + calls,
                  e.threshold(),
                  "threshold"));
      case "llm.grounding_score" ->
          List.of(
              graph(
                  "Mean grounding score by model",
                  "avg:" + scoped + " by {model}",
                  e.threshold(),
                  "threshold"));
      case "llm.cost.usd" ->
          List.of(
              Cells.bars("Spend (USD) by model", "sum:" + scoped + " by {model}.as_count()"),
              graph(
                  "p95 cost per call (USD)",
                  "p95:llm.request.cost_usd" + scopes.metric("llm.request.cost_usd", s),
                  null,
                  null));
      default -> // the security rules: a share of calls flagged
          List.of(
              graph(
                  "Flagged calls (%)",
                  "100 * sum:"
                      + scoped
                      + ".as_count() / sum:llm.request.count"
                      + scopes.metric(m, s)
                      + ".as_count()",
                  e.threshold() * 100,
                  "threshold"));
    };
  }

  /** What every incident needs next to its evidence: traffic, latency, health, spans and logs. */
  private List<ObjectNode> context(Scope s) {
    return List.of(
        Cells.markdown("## Around it"),
        Cells.bars(
            "Calls by outcome",
            "sum:llm.request.count"
                + scopes.metric("llm.request.count", s)
                + " by {outcome}.as_count()"),
        graph(
            "p95 latency by model (ms)",
            "p95:llm.request.latency_ms"
                + scopes.metric("llm.request.latency_ms", s)
                + " by {model}",
            null,
            null),
        graph(
            "Service health score",
            "avg:llm.health_score{service:"
                + account.service()
                + ",env:"
                + account.env()
                + ",scope:service}",
            null,
            null),
        Cells.spans("llm.call spans by outcome", scopes.spans(s), "@llm.outcome"),
        Cells.logStream(
            "Model calls",
            scopes.logs(s),
            List.of("endpoint", "model", "outcome", "latency_ms", "error_type", "prompt_id")));
  }

  private static ObjectNode graph(String title, String q, Double marker, String label) {
    return Cells.timeseries(title, List.of(new Cells.Query(q, "line")), marker, label);
  }
}
