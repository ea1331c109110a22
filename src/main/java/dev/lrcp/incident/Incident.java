package dev.lrcp.incident;

import dev.lrcp.anomaly.Attribution;
import java.time.Instant;
import java.util.List;

/**
 * An incident as the API shows it (docs/architecture.md). {@code evidence} and {@code attribution}
 * are null for incidents opened by hand; {@code tags} are the manual request's tags.
 */
public record Incident(
    String id,
    String rule,
    String title,
    String severity,
    String status,
    Scope scope,
    Instant openedAt,
    Instant updatedAt,
    Instant resolvedAt,
    Evidence evidence,
    Attribution attribution,
    List<String> runbook,
    Links links,
    List<String> tags,
    List<TimelineEntry> timeline) {

  public static final String OPEN = "open";
  public static final String ACKNOWLEDGED = "acknowledged";
  public static final String RESOLVED = "resolved";

  /** The numbers that made the rule fire. */
  public record Evidence(
      String metric,
      String statistic,
      double value,
      double threshold,
      String unit,
      String window,
      int requests,
      Double baseline,
      List<Sample> samples) {

    public Evidence {
      samples = List.copyOf(samples);
    }
  }

  /** A call that shows the problem, to open in logs and traces. */
  public record Sample(String promptId, String traceId) {}

  /** Datadog views filtered to the scope and time of the incident. */
  public record Links(String dashboard, String logs, String traces) {}

  public record TimelineEntry(Instant at, String kind, String message) {}

  /** What is stored as the JSON document of an incident row. */
  record Details(
      Evidence evidence,
      Attribution attribution,
      List<String> runbook,
      Links links,
      List<String> tags) {}
}
