package dev.lrcp.web;

import java.io.IOException;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the Failure Theater static export (built into {@code classpath:/static/theater/}) at
 * {@code /theater/}. Spring resolves {@code index.html} only for {@code /} itself, not for
 * directories under {@code static/}, so without this {@code /theater/} and every exported route
 * directory would be 404. {@code GET /} stays the JSON service info.
 */
@Configuration(proxyBeanMethods = false)
class TheaterWebConfig implements WebMvcConfigurer {

  static final String LOCATION = "classpath:/static/theater/";

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/theater", "/theater/");
    // The resource handler never resolves an empty path, so the UI root needs its own forward.
    registry.addViewController("/theater/").setViewName("forward:/theater/index.html");
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler("/theater/**")
        .addResourceLocations(LOCATION)
        .resourceChain(true)
        .addResolver(new DirectoryIndexResolver());
  }

  /** Falls back to {@code <path>/index.html}, the file a trailing-slash static export writes. */
  static final class DirectoryIndexResolver extends PathResourceResolver {
    @Override
    protected Resource getResource(String resourcePath, Resource location) throws IOException {
      Resource found = super.getResource(resourcePath, location);
      if (found != null || resourcePath.isEmpty()) {
        return found;
      }
      String dir = resourcePath.endsWith("/") ? resourcePath : resourcePath + "/";
      return super.getResource(dir + "index.html", location);
    }
  }
}
