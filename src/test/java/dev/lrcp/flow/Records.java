package dev.lrcp.flow;

import dev.lrcp.flow.CallRecord.Outcome;
import dev.lrcp.llm.LlmFailure;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Builds call records for tests: a plain answered call, then scores, scans or a failure on it. */
public final class Records {

  private Records() {}

  /** An answered call: 400 input and 100 output tokens, $0.0004, time to first token latency/3. */
  public static CallRecord call(Instant at, String endpoint, String model, long latencyMs) {
    return call(at, endpoint, model, latencyMs, null);
  }

  /** A call that failed with {@code failure} (2 retries when unavailable), or answered if null. */
  public static CallRecord call(
      Instant at, String endpoint, String model, long latencyMs, LlmFailure failure) {
    boolean ok = failure == null;
    return new CallRecord(
        at,
        UUID.randomUUID().toString(),
        null,
        labels(endpoint, model, "simulated"),
        ok ? Outcome.SUCCESS : Outcome.ERROR,
        failure,
        new CallRecord.Numbers(
            latencyMs,
            latencyMs / 3,
            ok ? 400 : 0,
            ok ? 100 : 0,
            0,
            ok ? 0.0004 : 0,
            failure == LlmFailure.UNAVAILABLE ? 2 : 0,
            false),
        new CallRecord.Routing("static", "default"),
        null,
        null,
        null,
        null);
  }

  public static CallRecord.Labels labels(String endpoint, String model, String provider) {
    return new CallRecord.Labels(
        endpoint, endpoint.substring(1), model, model, provider, null, null, false, null);
  }

  /** The call with its answer scored: grounding (and similarity) {@code grounding}. */
  public static CallRecord scored(CallRecord call, double grounding, boolean ungrounded) {
    return call.withQuality(CallRecord.Quality.scored(grounding, grounding, ungrounded));
  }

  /** The call with its input scanned: flagged as injection (score 0.97) or clean (0.02). */
  public static CallRecord scanned(CallRecord call, boolean injection) {
    return scanned(call, injection, false);
  }

  public static CallRecord scanned(CallRecord call, boolean injection, boolean tokenAbuse) {
    return withSecurity(
        call,
        new CallRecord.Security(
            injection ? 0.97 : 0.02,
            injection,
            injection ? "prompt" : null,
            Set.of(),
            tokenAbuse,
            false));
  }

  public static CallRecord withSecurity(CallRecord c, CallRecord.Security security) {
    return new CallRecord(
        c.at(),
        c.promptId(),
        c.traceId(),
        c.labels(),
        c.outcome(),
        c.failure(),
        c.numbers(),
        c.routing(),
        c.quality(),
        security,
        null,
        null);
  }

  /** The call as drill traffic (a {@code simulate_*} toggle or {@code /stress}). */
  public static CallRecord injected(CallRecord c) {
    var l = c.labels();
    return labelled(c, l.application(), true, l.key());
  }

  /**
   * The call as made by {@code application} with the virtual key {@code key} (each may be null).
   */
  public static CallRecord owned(CallRecord c, String application, String key) {
    return labelled(c, application, c.labels().injected(), key);
  }

  private static CallRecord labelled(
      CallRecord c, String application, boolean injected, String key) {
    var l = c.labels();
    var labels =
        new CallRecord.Labels(
            l.endpoint(),
            l.requestType(),
            l.requestedModel(),
            l.model(),
            l.provider(),
            application,
            l.feature(),
            injected,
            key);
    return new CallRecord(
        c.at(),
        c.promptId(),
        c.traceId(),
        labels,
        c.outcome(),
        c.failure(),
        c.numbers(),
        c.routing(),
        c.quality(),
        c.security(),
        null,
        null);
  }

  public static CallRecord withNumbers(CallRecord c, CallRecord.Numbers numbers) {
    return new CallRecord(
        c.at(),
        c.promptId(),
        c.traceId(),
        c.labels(),
        c.outcome(),
        c.failure(),
        numbers,
        c.routing(),
        c.quality(),
        c.security(),
        null,
        null);
  }
}
