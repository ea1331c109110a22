package dev.lrcp.forecast;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the service's forecast spend of the next 24 hours every five minutes (the gauge and its
 * monitor listen). Every replica computes the same figure from the shared rollups.
 */
@Component
class SpendForecastReporter {

  private static final Logger log = LoggerFactory.getLogger(SpendForecastReporter.class);

  private final LiveForecasts forecasts;
  private final ApplicationEventPublisher events;

  SpendForecastReporter(LiveForecasts forecasts, ApplicationEventPublisher events) {
    this.forecasts = forecasts;
    this.events = events;
  }

  @Scheduled(fixedDelay = 5, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
  void report() {
    try {
      SpendForecast next = forecasts.nextDaySpend();
      if (next != null) {
        events.publishEvent(next);
      }
    } catch (DataAccessException e) {
      log.warn("spend forecast not computed, retrying next run: {}", e.getMessage());
    }
  }
}
