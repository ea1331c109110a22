package dev.lrcp.web;

import dev.lrcp.llm.ModelCatalog;
import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The real model catalog and a clock for the MVC slice (their beans are wired by the provider
 * module).
 */
@TestConfiguration(proxyBeanMethods = false)
class SliceCatalog {

  @Bean
  ModelCatalog modelCatalog() {
    return ModelCatalog.load();
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
