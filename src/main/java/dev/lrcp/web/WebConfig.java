package dev.lrcp.web;

import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * MVC wiring of this package. CORS runs as the first filter so preflights are answered before the
 * access filter asks for credentials a browser never sends on a preflight.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new CallContextResolver());
  }

  @Bean
  FilterRegistrationBean<CorsFilter> corsFilter(
      AccessProperties properties, ProblemWriter problems) {
    var source = new UrlBasedCorsConfigurationSource();
    if (!properties.corsAllowedOrigins().isEmpty()) {
      var cors = new CorsConfiguration();
      cors.setAllowedOrigins(properties.corsAllowedOrigins());
      cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
      cors.setAllowedHeaders(List.of("Authorization", "X-API-Key", "Content-Type"));
      cors.setExposedHeaders(List.of("Retry-After"));
      cors.setMaxAge(3600L);
      source.registerCorsConfiguration("/**", cors);
    }
    var filter = new CorsFilter(source);
    filter.setCorsProcessor(new ProblemCorsProcessor(problems));
    var registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
