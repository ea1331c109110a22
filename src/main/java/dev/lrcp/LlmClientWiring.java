package dev.lrcp;

import dev.lrcp.llm.Deadlines;
import dev.lrcp.llm.LlmClient;
import dev.lrcp.llm.LlmProperties;
import dev.lrcp.resilience.FaultInjectingLlmClient;
import dev.lrcp.resilience.ResilienceProperties;
import dev.lrcp.resilience.ResilientLlmClient;
import java.time.Clock;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Composes the model port, outermost first: resilience (timeout, retry, breaker, fallback) → fault
 * injection → provider adapter. Injected faults happen inside the retry loop, like real ones. The
 * flow ({@code dev.lrcp.flow.CallFlow}) times, prices and traces each call of this port.
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
      ApplicationEventPublisher events,
      Clock clock,
      Deadlines deadlines) {
    String provider = llm.provider().name().toLowerCase(Locale.ROOT);
    LlmClient faults = new FaultInjectingLlmClient(adapter, resilience.faults(), provider);
    return new ResilientLlmClient(faults, resilience, provider, events, clock, deadlines);
  }
}
