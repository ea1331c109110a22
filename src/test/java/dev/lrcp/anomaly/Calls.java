package dev.lrcp.anomaly;

import dev.lrcp.flow.CallRecord;
import dev.lrcp.llm.LlmFailure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds synthetic call records for attribution tests. */
final class Calls {

  private Calls() {}

  static CallRecord call(String endpoint, String model, String provider, long latencyMs) {
    return call(endpoint, model, provider, latencyMs, null);
  }

  static CallRecord call(
      String endpoint, String model, String provider, long latencyMs, String failure) {
    return new CallRecord(
        Instant.EPOCH,
        "p",
        "t",
        new CallRecord.Labels(endpoint, "qa", model, model, provider, null, null, false, null),
        failure == null ? CallRecord.Outcome.SUCCESS : CallRecord.Outcome.ERROR,
        failure == null ? null : LlmFailure.valueOf(failure.toUpperCase(Locale.ROOT)),
        new CallRecord.Numbers(latencyMs, latencyMs / 3, 300, 100, 0, 0.001, 0, false),
        null,
        null,
        null,
        null,
        null);
  }

  /** n calls round-robin over endpoints and models, with a latency per model. */
  static List<CallRecord> mix(int n, List<String> endpoints, List<String[]> models) {
    var out = new ArrayList<CallRecord>();
    for (int i = 0; i < n; i++) {
      String[] m = models.get(i % models.size());
      String endpoint = endpoints.get((i / models.size()) % endpoints.size());
      long jitter = (i * 37L) % 100;
      out.add(call(endpoint, m[0], m[1], Long.parseLong(m[2]) + jitter));
    }
    return out;
  }
}
