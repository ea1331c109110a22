package dev.lrcp.incident;

import dev.lrcp.anomaly.Measure;
import dev.lrcp.flow.CallRecord;
import java.util.List;

/**
 * A rule's verdict that a scope breaches its threshold right now.
 *
 * @param magnitude how far past the threshold (1 = at it), comparable across scopes of one rule
 * @param samples the calls that show the problem best, worst first
 */
record Finding(
    Rule rule,
    Scope scope,
    Severity severity,
    String title,
    double magnitude,
    Measurement measurement,
    Measure measure,
    List<CallRecord> samples) {

  /** The statistic against its threshold. */
  record Measurement(
      String metric,
      String statistic,
      double value,
      double threshold,
      String unit,
      int requests,
      Double baseline) {}
}
