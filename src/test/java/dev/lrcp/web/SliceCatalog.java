package dev.lrcp.web;

import dev.lrcp.llm.ModelCatalog;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The real model catalog for the MVC slice (its bean is wired by the provider module). */
@TestConfiguration(proxyBeanMethods = false)
class SliceCatalog {

  @Bean
  ModelCatalog modelCatalog() {
    return ModelCatalog.load();
  }
}
