package dev.lrcp.incident;

import dev.lrcp.anomaly.Attribution;
import java.time.Instant;
import java.util.List;

/**
 * An incident as the API shows it (docs/architecture.md). {@code evidence} and {@code attribution}
 * are null for incidents opened by hand; {@code tags} are the manual request's tags; {@code
 * actions} are the runbook steps the service can carry out itself, with what became of them.
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
    List<TimelineEntry> timeline,
    List<Action> actions) {

  public Incident {
    actions = actions == null ? List.of() : List.copyOf(actions);
  }

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

  /**
   * A runbook step the service can apply itself ({@code POST /incidents/{id}/actions/{step}}).
   *
   * @param step the runbook step it belongs to, from 1
   * @param kind {@code switch_model}: a routing override of each endpoint to {@code toModel}
   * @param applied null until applied
   */
  public record Action(
      int step,
      String kind,
      List<String> endpoints,
      String fromModel,
      String toModel,
      Applied applied) {

    public static final String SWITCH_MODEL = "switch_model";

    Action withApplied(Applied a) {
      return new Action(step, kind, endpoints, fromModel, toModel, a);
    }
  }

  /**
   * What applying an action did, and what its re-evaluation found.
   *
   * @param overrideIds the routing overrides it created, one per endpoint
   * @param verifyAt when the rule is evaluated again over the calls since the action
   * @param result null until then; {@code verified recovered}, {@code no effect} or {@code
   *     inconclusive} (too few calls to judge)
   */
  public record Applied(
      Instant at,
      String by,
      List<String> overrideIds,
      Instant expiresAt,
      Instant verifyAt,
      String result,
      Instant verifiedAt,
      String detail) {}

  /** What is stored as the JSON document of an incident row. */
  record Details(
      Evidence evidence,
      Attribution attribution,
      List<String> runbook,
      Links links,
      List<String> tags,
      List<Action> actions) {}
}
