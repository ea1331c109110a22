package dev.lrcp.incident;

import dev.lrcp.health.MutableClock;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The one Spring context of the incident tests: the whole service on an in-memory H2, scheduled
 * jobs off (tests drive the evaluator with a hand-moved clock).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:incidents;DB_CLOSE_DELAY=-1",
      "lrcp.incidents.evaluate-every=0",
      "lrcp.incidents.count-every=0",
      "lrcp.incidents.delivery.every=0",
      "lrcp.storage.stats-interval=0",
      "lrcp.storage.maintenance-interval=0"
    })
@AutoConfigureMockMvc
@Import(IncidentTestContext.Config.class)
@interface IncidentTestContext {

  /** Collects {@link IncidentOpened} and {@link QualityDriftDetected} as telemetry would. */
  class Opened {
    final java.util.List<IncidentOpened> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    final java.util.List<QualityDriftDetected> drifts =
        new java.util.concurrent.CopyOnWriteArrayList<>();

    @org.springframework.context.event.EventListener
    void on(IncidentOpened e) {
      events.add(e);
    }

    @org.springframework.context.event.EventListener
    void on(QualityDriftDetected e) {
      drifts.add(e);
    }
  }

  @TestConfiguration
  class Config {
    @Bean
    Opened opened() {
      return new Opened();
    }

    @Bean
    @Primary
    MutableClock testClock() {
      return new MutableClock(Instant.parse("2026-11-28T08:00:00Z"));
    }
  }
}
