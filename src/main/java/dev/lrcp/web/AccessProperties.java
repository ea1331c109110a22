package dev.lrcp.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Who may call the service and how much they may send. Bound at the {@code lrcp} root so the
 * environment variables are the documented short names.
 *
 * @param apiKeys {@code LRCP_API_KEYS}, comma-separated; when empty only loopback clients are
 *     served
 * @param allowRemoteWithoutKeys {@code LRCP_ALLOW_REMOTE_WITHOUT_KEYS}: serve anyone without keys
 * @param corsAllowedOrigins {@code LRCP_CORS_ALLOWED_ORIGINS}, comma-separated; empty = no CORS
 * @param maxRequestSize {@code LRCP_MAX_REQUEST_SIZE}: larger bodies get 413
 * @param requestHeadTimeout {@code LRCP_REQUEST_HEAD_TIMEOUT}: a request whose line and headers are
 *     not complete this long after its first byte has its connection closed, on both ports
 * @param adminKey {@code LRCP_ADMIN_KEY}: turns on the admin API ({@code /admin/**}) and virtual
 *     keys; unset, neither exists
 */
@ConfigurationProperties("lrcp")
record AccessProperties(
    List<String> apiKeys,
    @DefaultValue("false") boolean allowRemoteWithoutKeys,
    List<String> corsAllowedOrigins,
    @DefaultValue("1MB") DataSize maxRequestSize,
    @DefaultValue("20s") Duration requestHeadTimeout,
    String adminKey) {

  AccessProperties {
    adminKey = adminKey == null || adminKey.isBlank() ? null : adminKey.strip();
    apiKeys = clean(apiKeys);
    corsAllowedOrigins = clean(corsAllowedOrigins);
    if (maxRequestSize == null || maxRequestSize.toBytes() <= 0) {
      throw new IllegalArgumentException("lrcp.max-request-size must be positive");
    }
    if (requestHeadTimeout == null || !requestHeadTimeout.isPositive()) {
      throw new IllegalArgumentException("lrcp.request-head-timeout must be positive");
    }
  }

  private static List<String> clean(List<String> values) {
    return values == null
        ? List.of()
        : values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
  }

  /** Keys are secrets: only their number is ever printed. */
  @Override
  public String toString() {
    return "AccessProperties[apiKeys=<"
        + apiKeys.size()
        + " redacted>, allowRemoteWithoutKeys="
        + allowRemoteWithoutKeys
        + ", corsAllowedOrigins="
        + corsAllowedOrigins
        + ", maxRequestSize="
        + maxRequestSize
        + ", requestHeadTimeout="
        + requestHeadTimeout
        + ", adminKey="
        + (adminKey == null ? "unset" : "<redacted>")
        + "]";
  }
}
