package dev.lrcp.admission;

/** USD as integer nano-dollars, so sums across replicas and batches never round. */
final class Money {

  static final double NANOS_PER_USD = 1e9;

  private Money() {}

  static Long nanos(Double usd) {
    return usd == null ? null : Math.round(usd * NANOS_PER_USD);
  }

  static long nanos(double usd) {
    return Math.round(usd * NANOS_PER_USD);
  }

  static Double usd(Long nanos) {
    return nanos == null ? null : nanos / NANOS_PER_USD;
  }

  static double usd(long nanos) {
    return nanos / NANOS_PER_USD;
  }

  /** For messages: {@code $0.0500}. */
  static String format(long nanos) {
    return String.format(java.util.Locale.ROOT, "$%.4f", usd(nanos));
  }
}
