package dev.lrcp.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

/** The documented environment variable names really bind (README and .env.example rely on it). */
class AccessPropertiesBindingTests {

  static AccessProperties bind(Map<String, Object> env) {
    var environment = new StandardEnvironment();
    // the real system environment source, with a fake map instead of the process environment
    environment
        .getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
    return new Binder(ConfigurationPropertySources.get(environment))
        .bindOrCreate("lrcp", AccessProperties.class);
  }

  @Test
  void defaultsAreSafe() {
    AccessProperties properties = bind(Map.of());
    assertThat(properties.apiKeys()).isEmpty();
    assertThat(properties.allowRemoteWithoutKeys()).isFalse();
    assertThat(properties.corsAllowedOrigins()).isEmpty();
    assertThat(properties.maxRequestSize()).isEqualTo(DataSize.ofMegabytes(1));
  }

  @Test
  void theShortEnvironmentNamesBind() {
    AccessProperties properties =
        bind(
            Map.of(
                "LRCP_API_KEYS", "k1, k2,",
                "LRCP_ALLOW_REMOTE_WITHOUT_KEYS", "true",
                "LRCP_CORS_ALLOWED_ORIGINS", "http://localhost:3000,https://app.example",
                "LRCP_MAX_REQUEST_SIZE", "256KB"));
    assertThat(properties.apiKeys()).containsExactly("k1", "k2");
    assertThat(properties.allowRemoteWithoutKeys()).isTrue();
    assertThat(properties.corsAllowedOrigins())
        .containsExactly("http://localhost:3000", "https://app.example");
    assertThat(properties.maxRequestSize()).isEqualTo(DataSize.ofKilobytes(256));
  }
}
