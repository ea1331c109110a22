package dev.lrcp.forecast;

import dev.lrcp.storage.HourlyTotals;
import java.util.Locale;

/** What a live forecast projects: a total per hour of one slice of traffic. */
enum ForecastMetric {
  COST("usd"),
  REQUESTS("requests"),
  TOKENS("tokens");

  private final String unit;

  ForecastMetric(String unit) {
    this.unit = unit;
  }

  String unit() {
    return unit;
  }

  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  double of(HourlyTotals.Hour hour) {
    return switch (this) {
      case COST -> hour.costUsd();
      case REQUESTS -> hour.requests();
      case TOKENS -> hour.tokens();
    };
  }
}
