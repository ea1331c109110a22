package dev.lrcp.admission;

import dev.lrcp.flow.ReplyHeaders;
import java.util.List;

/**
 * OpenAI's rate-limit headers for the call's tightest limits: {@code x-ratelimit-limit-requests},
 * {@code -remaining-requests}, {@code -reset-requests} and the same for tokens. Remaining is what
 * this replica knows (exact with one replica; with several, the room left at its last lease plus
 * its own lease).
 */
final class RateHeaders {

  private RateHeaders() {}

  static void set(ReplyHeaders headers, Subjects subjects, Allowances allowances, long nowMs) {
    set(headers, "requests", subjects.requests(), allowances, nowMs);
    set(headers, "tokens", subjects.tokens(), allowances, nowMs);
  }

  private static void set(
      ReplyHeaders headers, String unit, List<Quota> quotas, Allowances allowances, long nowMs) {
    Quota tightest = null;
    long least = Long.MAX_VALUE;
    for (Quota q : quotas) {
      long remaining = allowances.remaining(q);
      if (remaining < least) {
        least = remaining;
        tightest = q;
      }
    }
    if (tightest == null) {
      return;
    }
    headers.set("x-ratelimit-limit-" + unit, Long.toString(tightest.limit()));
    headers.set("x-ratelimit-remaining-" + unit, Long.toString(Math.max(0, least)));
    headers.set(
        "x-ratelimit-reset-" + unit, Refusals.secondsUntil(tightest.resetAtMs(), nowMs) + "s");
  }
}
