package dev.lrcp.optimization;

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
 * The one Spring context of the optimisation tests: the whole service on the simulated provider and
 * an in-memory H2, background jobs off, time moved by hand.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:optimization;DB_CLOSE_DELAY=-1",
      "lrcp.simulated.latency-scale=0",
      "lrcp.incidents.evaluate-every=0",
      "lrcp.incidents.count-every=0",
      "lrcp.incidents.delivery.every=0",
      "lrcp.storage.stats-interval=0",
      "lrcp.storage.maintenance-interval=0",
      "lrcp.storage.flush-interval=20ms"
    })
@AutoConfigureMockMvc
@Import(OptimizationTestContext.Config.class)
@interface OptimizationTestContext {

  @TestConfiguration
  class Config {
    @Bean
    @Primary
    MutableClock testClock() {
      return new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
    }
  }
}
