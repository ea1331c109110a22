package dev.lrcp.forecast;

import dev.lrcp.storage.HourlyTotals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Hourly totals held in memory: {@code hours} of one slice (every other slice has none), spend per
 * hour 1 + 0.5·sin(2πh/24) dollars with a small deterministic wobble, ten requests an hour.
 */
final class FakeHourlyTotals extends HourlyTotals {

  final List<Hour> hours = new ArrayList<>();
  private final Predicate<Slice> holds;
  int reads;

  FakeHourlyTotals(Instant first, int count, Predicate<Slice> holds) {
    super(null);
    this.holds = holds;
    for (int h = 0; h < count; h++) {
      double usd = 1 + 0.5 * Math.sin(2 * Math.PI * h / 24) + 0.05 * ((h * 7919) % 7 - 3) / 3.0;
      hours.add(new Hour(first.plusSeconds(3600L * h), 10, 5000, usd));
    }
  }

  @Override
  public List<Hour> between(Slice slice, Instant from, Instant to) {
    reads++;
    if (!holds.test(slice)) {
      return List.of();
    }
    return hours.stream().filter(h -> !h.start().isBefore(from) && h.start().isBefore(to)).toList();
  }
}
