package dev.lrcp.admission;

import dev.lrcp.admission.AdmissionRefusedException.Reason;
import java.util.LinkedHashMap;
import java.util.Map;

/** The refusals of the admit stage, each naming what was exceeded. */
final class Refusals {

  private Refusals() {}

  static AdmissionRefusedException keyRejected(VirtualKey key, String why) {
    String name = key == null ? "" : " '" + key.name() + "'";
    return new AdmissionRefusedException(
        Reason.KEY_REJECTED, "API key" + name + " " + why, null, Map.of());
  }

  static AdmissionRefusedException modelNotAllowed(VirtualKey key, String model) {
    return new AdmissionRefusedException(
        Reason.MODEL_NOT_ALLOWED,
        "API key '"
            + key.name()
            + "' may not use model '"
            + model
            + "'; allowed: "
            + String.join(", ", new java.util.TreeSet<>(key.models())),
        null,
        Map.of("model", model, "scope", "key '" + key.name() + "'"));
  }

  static AdmissionRefusedException rate(Quota q, long needed, long nowMs) {
    boolean requests = q.kind() == Quota.Kind.REQUESTS;
    String unit = requests ? "requests" : "tokens";
    long wait = secondsUntil(q.resetAtMs(), nowMs);
    String message =
        "Rate limit reached for "
            + q.subject().describe()
            + ": "
            + q.limit()
            + " "
            + unit
            + " per minute"
            + (requests ? "" : " (this call needs up to " + needed + ")")
            + "; try again in "
            + wait
            + "s";
    return new AdmissionRefusedException(
        requests ? Reason.REQUESTS_PER_MINUTE : Reason.TOKENS_PER_MINUTE,
        message,
        wait,
        details(q, unit + "_per_minute", q.limit()));
  }

  static AdmissionRefusedException budget(Quota q, long needNanos, long committed, long nowMs) {
    long wait = secondsUntil(q.resetAtMs(), nowMs);
    String window = q.window().equals("day") ? "daily" : "monthly";
    String message =
        "Budget exceeded for "
            + q.subject().describe()
            + ": "
            + window
            + " budget "
            + Money.format(q.limit())
            + ", "
            + Money.format(Math.min(committed, q.limit()))
            + " spent or reserved, this call needs up to "
            + Money.format(needNanos)
            + "; resets in "
            + human(wait);
    var details = details(q, "budget_usd_per_" + q.window(), Money.usd(q.limit()));
    return new AdmissionRefusedException(Reason.BUDGET_EXCEEDED, message, wait, details);
  }

  static AdmissionRefusedException unavailable(Quota q) {
    return new AdmissionRefusedException(
        Reason.LEDGER_UNAVAILABLE,
        "The shared ledger for the limits of "
            + q.subject().describe()
            + " cannot be reached; try again shortly",
        1L,
        Map.of());
  }

  private static Map<String, Object> details(Quota q, String limitName, Object limit) {
    var details = new LinkedHashMap<String, Object>();
    details.put("scope", q.subject().describe());
    details.put("limit", limitName);
    details.put("limit_value", limit);
    details.put("window", q.window());
    return details;
  }

  static long secondsUntil(long resetMs, long nowMs) {
    return Math.max(1, (resetMs - nowMs + 999) / 1000);
  }

  private static String human(long seconds) {
    long h = seconds / 3600;
    long m = seconds % 3600 / 60;
    return h > 0 ? h + "h" + m + "m" : m > 0 ? m + "m" + seconds % 60 + "s" : seconds + "s";
  }
}
