package dev.lrcp.telemetry;

import com.timgroup.statsd.NoOpStatsDClient;
import com.timgroup.statsd.NonBlockingStatsDClientBuilder;
import com.timgroup.statsd.StatsDClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The DogStatsD client and the catalog-checked emitter. UDP is fire-and-forget and the client
 * queues lines on its own threads, so a missing agent costs nothing and never fails a request.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DogStatsdConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DogStatsdConfiguration.class);

  /** Lines buffered before the client drops (it never blocks a request). */
  private static final int QUEUE_SIZE = 4096;

  @Bean
  MetricCatalog metricCatalog() {
    return MetricCatalog.load();
  }

  @Bean(destroyMethod = "close")
  StatsDClient statsDClient(
      DatadogProperties dd, TelemetryProperties telemetry, ConfigurableEnvironment environment) {
    var constantTags =
        UnifiedServiceTags.forClient(
            dd,
            environment
                .getPropertySources()
                .get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME));
    try {
      return new NonBlockingStatsDClientBuilder()
          .hostname(dd.agentHost())
          .port(dd.dogstatsdPort())
          .constantTags(constantTags.toArray(String[]::new))
          .enableAggregation(telemetry.statsdAggregation())
          .enableTelemetry(false)
          .queueSize(QUEUE_SIZE)
          .blocking(false)
          .errorHandler(e -> log.debug("DogStatsD send failed: {}", e.toString()))
          .build();
    } catch (RuntimeException e) {
      // e.g. an unresolvable DD_AGENT_HOST: run without metrics rather than not at all
      log.warn("DogStatsD disabled: cannot reach {}: {}", dd.agentHost(), e.toString());
      return new NoOpStatsDClient();
    }
  }

  /** Static: a post-processor must exist before the beans it wraps. */
  @Bean
  static BeanPostProcessor scoringSpans() {
    return new ScoringSpans();
  }

  @Bean
  MetricEmitter metricEmitter(StatsDClient statsDClient, MetricCatalog metricCatalog) {
    return new MetricEmitter(statsDClient, metricCatalog);
  }
}
