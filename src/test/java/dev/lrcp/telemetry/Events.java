package dev.lrcp.telemetry;

import dev.lrcp.flow.CallRecord;
import dev.lrcp.flow.CallRecord.Labels;
import dev.lrcp.flow.CallRecord.Numbers;
import dev.lrcp.flow.CallRecord.Outcome;
import dev.lrcp.llm.CallTags;
import dev.lrcp.llm.LlmFailure;
import java.time.Instant;

/** Sample call records for telemetry tests. */
final class Events {

  static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");

  private Events() {}

  /** An answered /qa call on gemini-2.5-flash, 420 ms, 100 in / 40 out / 10 thinking tokens. */
  static CallRecord success(CallTags tags) {
    return success("gemini-2.5-flash", 420, tags);
  }

  static CallRecord success(String model, long latencyMs, CallTags tags) {
    return new CallRecord(
        AT,
        "p-" + latencyMs,
        null,
        new Labels(
            "/qa", "qa", model, model, "gemini", tags.application(), tags.feature(), false, null),
        Outcome.SUCCESS,
        null,
        new Numbers(latencyMs, 120, 100, 40, 10, 0.00042, 1, false),
        new CallRecord.Routing("static", "default"),
        null,
        null,
        null,
        null);
  }

  /** A /reason call that fell back from gemini-2.5-pro to flash and still timed out. */
  static CallRecord timeoutAfterFallback() {
    return new CallRecord(
        AT,
        "p-2",
        null,
        new Labels(
            "/reason",
            "reason",
            "gemini-2.5-pro",
            "gemini-2.5-flash",
            "gemini",
            null,
            null,
            false,
            null),
        Outcome.ERROR,
        LlmFailure.TIMEOUT,
        new Numbers(30_000, 30_000, 0, 0, 0, 0, 3, true),
        new CallRecord.Routing("static", "endpoint"),
        null,
        null,
        null,
        null);
  }

  /**
   * A /qa call whose cascade escalated from gemini-2.5-flash to gemini-2.5-pro after an ungrounded
   * answer: both attempts cost more than the reference alone would have.
   */
  static CallRecord escalated() {
    return new CallRecord(
        AT,
        "p-4",
        null,
        new Labels(
            "/qa", "qa", "gemini-2.5-pro", "gemini-2.5-pro", "gemini", null, null, false, null),
        Outcome.SUCCESS,
        null,
        new Numbers(2400, 1900, 900, 60, 0, 0.00214, 0, false),
        new CallRecord.Routing(
            "cascade",
            "cascade",
            java.util.List.of("gemini-2.5-flash", "gemini-2.5-pro"),
            "gemini-2.5-pro",
            "gemini-2.5-pro",
            "ungrounded",
            -0.00042,
            null,
            null),
        null,
        null,
        null,
        null);
  }

  /** A drill call (simulate_bad_prompt) that the model answered with a safety block. */
  static CallRecord safetyBlock() {
    return new CallRecord(
        AT,
        "p-3",
        null,
        new Labels(
            "/qa", "qa", "gemini-2.5-flash", "gemini-2.5-flash", "gemini", null, null, true, null),
        Outcome.SAFETY_BLOCK,
        null,
        new Numbers(200, 200, 30, 0, 0, 0.00001, 0, false),
        new CallRecord.Routing("static", "default"),
        null,
        null,
        null,
        null);
  }
}
