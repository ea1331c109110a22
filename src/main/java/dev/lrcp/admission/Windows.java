package dev.lrcp.admission;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * The fixed UTC windows limits count in: budgets per day and per month, rate limits per clock
 * minute. Rows of past windows stay in the ledger a while for {@code GET /budgets} and are then
 * deleted.
 */
final class Windows {

  private static final long MINUTE_MS = 60_000;

  private Windows() {}

  static Quota day(Quota.Subject s, long limit, Instant now) {
    LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
    long reset = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    return new Quota(s, Quota.Kind.BUDGET, "day", day.toString(), limit, reset, reset + days(40));
  }

  static Quota month(Quota.Subject s, long limit, Instant now) {
    YearMonth month = YearMonth.from(LocalDate.ofInstant(now, ZoneOffset.UTC));
    long reset =
        month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    return new Quota(
        s, Quota.Kind.BUDGET, "month", month.toString(), limit, reset, reset + days(400));
  }

  static Quota minute(Quota.Subject s, Quota.Kind kind, long limit, long nowMs) {
    long minute = nowMs / MINUTE_MS;
    long reset = (minute + 1) * MINUTE_MS;
    return new Quota(
        s,
        kind,
        "minute",
        Long.toString(minute),
        limit,
        reset,
        reset + Duration.ofHours(1).toMillis());
  }

  private static long days(int n) {
    return Duration.ofDays(n).toMillis();
  }
}
