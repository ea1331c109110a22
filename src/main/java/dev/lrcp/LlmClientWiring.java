package dev.lrcp;

import dev.lrcp.llm.LlmClient;
import dev.lrcp.llm.LlmProperties;
import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.resilience.FaultInjectingLlmClient;
import dev.lrcp.resilience.ResilienceProperties;
import dev.lrcp.resilience.ResilientLlmClient;
import dev.lrcp.telemetry.TelemetryLlmClient;
import dev.lrcp.telemetry.TelemetryProperties;
import java.time.Clock;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Composes the model client, outermost first: telemetry → resilience (timeout, retry, breaker,
 * fallback) → fault injection → provider adapter. The order matters: telemetry sees one call with
 * its retries folded in, and injected faults happen inside the retry loop like real ones.
 */
@Configuration(proxyBeanMethods = false)
class LlmClientWiring {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  @Primary
  LlmClient llmClient(
      @Qualifier("provider") LlmClient adapter,
      LlmProperties llm,
      ResilienceProperties resilience,
      ModelCatalog catalog,
      ApplicationEventPublisher events,
      Clock clock,
      ObjectProvider<TelemetryProperties> telemetry) {
    String provider = llm.provider().name().toLowerCase(Locale.ROOT);
    LlmClient faults = new FaultInjectingLlmClient(adapter, resilience.faults(), provider);
    LlmClient resilient = new ResilientLlmClient(faults, resilience, provider, events, clock);
    // the full application binds lrcp.telemetry.*; slimmer contexts get the record's defaults
    TelemetryProperties settings = telemetry.getIfAvailable();
    return settings == null
        ? new TelemetryLlmClient(resilient, catalog, events, clock)
        : new TelemetryLlmClient(resilient, catalog, events, clock, settings);
  }
}
