package dev.lrcp.incident;

import java.net.URI;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Datadog sink behind the outbox; its API host is {@code api.<DD_SITE>} unless overridden. */
@Configuration(proxyBeanMethods = false)
class IncidentSinkConfiguration {

  @Bean
  OutboxDispatcher outboxDispatcher(
      Outbox outbox,
      IncidentStore store,
      DatadogAccount account,
      IncidentProperties properties,
      ApplicationEventPublisher events,
      Clock clock) {
    String url = properties.delivery().datadogApiUrl();
    URI api = URI.create(url == null || url.isBlank() ? "https://api." + account.site() : url);
    var sink = new DatadogIncidentSink(account, api);
    return new OutboxDispatcher(outbox, store, sink, properties.delivery(), events, clock);
  }
}
