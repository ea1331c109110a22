package dev.lrcp.telemetry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.SimpleApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;

/**
 * Listeners (metrics, logs, windows, storage, incident rules) run on the publishing thread, which
 * is usually a request. A listener that throws must not turn a good answer into a 500, so the
 * context's multicaster logs listener failures instead of rethrowing them. The next listener still
 * runs.
 */
@Configuration(proxyBeanMethods = false)
class EventMulticasterConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EventMulticasterConfiguration.class);

  /** Picked up by name by the application context when it initialises event multicasting. */
  @Bean(AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME)
  static SimpleApplicationEventMulticaster applicationEventMulticaster() {
    var multicaster = new SimpleApplicationEventMulticaster();
    multicaster.setErrorHandler(
        e -> log.error("event listener failed; the publisher carries on: {}", e.toString(), e));
    return multicaster;
  }
}
