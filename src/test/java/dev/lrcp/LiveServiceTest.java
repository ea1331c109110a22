package dev.lrcp;

import dev.lrcp.datadog.action.DatadogRecorder;
import dev.lrcp.health.MutableClock;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * The whole service over real HTTP on a random port, on a hand-moved clock (tests drive incident
 * rules with call records), with API keys on and Datadog's API at a local recorder. One context,
 * shared by every class that carries this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:live-it;DB_CLOSE_DELAY=-1",
      "lrcp.storage.directory=target/live-it-data",
      "lrcp.incidents.evaluate-every=0",
      "lrcp.incidents.count-every=0",
      "lrcp.incidents.delivery.every=0",
      "lrcp.storage.stats-interval=0",
      "lrcp.storage.maintenance-interval=0",
      "lrcp.api-keys=" + LiveServiceTest.KEY,
      "dd.api-key=dd-test-api-key",
      "dd.app-key=dd-test-app-key",
      "dd.env=test"
    })
@Import(LiveServiceTest.Config.class)
@ContextConfiguration(initializers = LiveServiceTest.DatadogAtRecorder.class)
public @interface LiveServiceTest {

  String KEY = "live-test-key";

  @TestConfiguration
  class Config {
    @Bean
    @Primary
    MutableClock testClock() {
      return new MutableClock(Instant.parse("2026-11-28T08:00:00Z"));
    }
  }

  /** Points every Datadog API host of the service at one recorder for the whole run. */
  class DatadogAtRecorder implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final DatadogRecorder DATADOG = new DatadogRecorder();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      TestPropertySourceUtils.addInlinedPropertiesToEnvironment(
          context, "lrcp.datadog.api-url=" + DATADOG.url());
    }
  }
}
