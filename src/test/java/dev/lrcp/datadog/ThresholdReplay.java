package dev.lrcp.datadog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A metric monitor's next status per group: thresholds with recovery hysteresis (a triggered group
 * stays triggered while its value still passes the recovery threshold), missing data as {@code
 * on_missing_data} (or the older {@code notify_no_data}) says, and {@code timeout_h}.
 */
final class ThresholdReplay {

  private final ParsedQuery query;
  private final JsonNode options;
  private final QueryReplay replay;
  private final Map<Map<String, String>, Integer> lastData = new HashMap<>();
  private final Set<Map<String, String>> known = new HashSet<>();

  ThresholdReplay(ParsedQuery query, JsonNode options, QueryReplay replay) {
    this.query = query;
    this.options = options;
    this.replay = replay;
  }

  /** Groups whose status is decided this minute; a group left out keeps its status. */
  Map<Map<String, String>, ReplayStatus> next(
      int minute, Function<Map<String, String>, ReplayStatus> current) {
    Map<Map<String, String>, ReplayStatus> next = new HashMap<>();
    replay
        .monitor(query, minute)
        .forEach(
            (group, value) -> {
              known.add(group);
              lastData.put(group, minute);
              next.put(group, status(current.apply(group), value));
            });
    for (Map<String, String> group : known) {
      if (next.containsKey(group)) continue;
      int idle = minute - lastData.get(group);
      ReplayStatus now = current.apply(group);
      ReplayStatus missing = missing(now, idle);
      int timeout = options.path("timeout_h").asInt(0) * 60;
      if (timeout > 0 && now.triggered() && idle >= timeout) missing = ReplayStatus.OK;
      if (missing != null) next.put(group, missing);
    }
    return next;
  }

  /** The status of a group without data, or null to keep the last one. */
  private ReplayStatus missing(ReplayStatus now, int idle) {
    String policy = options.path("on_missing_data").asText("default");
    return switch (policy) {
      case "show_and_notify_no_data", "show_no_data" -> ReplayStatus.NO_DATA;
      case "resolve" -> ReplayStatus.OK;
      default -> {
        if (options.path("notify_no_data").asBoolean(false)) {
          yield idle >= options.path("no_data_timeframe").asInt(10) ? ReplayStatus.NO_DATA : null;
        }
        yield replay.sumsCounts(query) ? status(now, 0) : null; // counts evaluate as zero
      }
    };
  }

  ReplayStatus status(ReplayStatus now, double value) {
    JsonNode t = options.path("thresholds");
    if (passes(value, t.path("critical").asDouble())
        || (now == ReplayStatus.ALERT
            && t.has("critical_recovery")
            && passes(value, t.get("critical_recovery").asDouble()))) {
      return ReplayStatus.ALERT;
    }
    if (t.has("warning")
        && (passes(value, t.get("warning").asDouble())
            || (now == ReplayStatus.WARN
                && t.has("warning_recovery")
                && passes(value, t.get("warning_recovery").asDouble())))) {
      return ReplayStatus.WARN;
    }
    return ReplayStatus.OK;
  }

  private boolean passes(double value, double threshold) {
    return switch (query.comparator()) {
      case ">" -> value > threshold;
      case ">=" -> value >= threshold;
      case "<" -> value < threshold;
      case "<=" -> value <= threshold;
      default -> throw new IllegalArgumentException("comparator " + query.comparator());
    };
  }
}
