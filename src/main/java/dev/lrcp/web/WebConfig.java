package dev.lrcp.web;

import dev.lrcp.admission.KeyDirectory;
import dev.lrcp.routing.Applications;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * MVC wiring of this package. CORS runs as the first filter so preflights are answered before the
 * access filter asks for credentials a browser never sends on a preflight. The access settings are
 * enabled here (not only by the application's properties scan) because every MVC test slice loads
 * this configurer and the filters, and they need them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessProperties.class)
class WebConfig implements WebMvcConfigurer {

  private final ObjectProvider<Applications> applications;

  WebConfig(ObjectProvider<Applications> applications) {
    this.applications = applications;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new CallContextResolver(applications));
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new RequestFormatGuard());
  }

  /** Shared by the servlet {@link AccessFilter} and the gateway's data plane. */
  @Bean
  AccessPolicy accessPolicy(AccessProperties properties, ObjectProvider<KeyDirectory> keys) {
    var policy = AccessPolicy.of(properties, keys.getIfAvailable());
    policy.announce();
    return policy;
  }

  @Bean
  FilterRegistrationBean<CorsFilter> corsFilter(AccessProperties properties) {
    var source = new UrlBasedCorsConfigurationSource();
    if (!properties.corsAllowedOrigins().isEmpty()) {
      var cors = new CorsConfiguration();
      cors.setAllowedOrigins(properties.corsAllowedOrigins());
      cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
      cors.setAllowedHeaders(
          List.of("Authorization", "X-API-Key", "Content-Type", "Cache-Control", "X-LRCP-Cache"));
      cors.setExposedHeaders(
          List.of(
              "Retry-After",
              "X-Request-Id",
              "X-LRCP-Cache",
              "x-ratelimit-limit-requests",
              "x-ratelimit-remaining-requests",
              "x-ratelimit-reset-requests",
              "x-ratelimit-limit-tokens",
              "x-ratelimit-remaining-tokens",
              "x-ratelimit-reset-tokens"));
      cors.setMaxAge(3600L);
      source.registerCorsConfiguration("/**", cors);
    }
    var filter = new CorsFilter(source);
    filter.setCorsProcessor(new ProblemCorsProcessor());
    var registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
