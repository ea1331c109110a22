package dev.lrcp.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.EnvironmentVariables;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The documented environment variable names really bind (README and .env.example rely on it). */
class AccessPropertiesBindingTests {

  static AccessProperties bind(Map<String, Object> env) {
    return EnvironmentVariables.bind("lrcp", AccessProperties.class, env);
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
