package dev.lrcp.incident;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Datadog's own variables ({@code DD_API_KEY}, {@code DD_APP_KEY}, {@code DD_SITE}, {@code
 * DD_SERVICE}, {@code DD_ENV}) as read by the incident sink and the links. Keys never appear in
 * {@link #toString()}.
 */
@ConfigurationProperties("dd")
public record DatadogAccount(
    String apiKey,
    String appKey,
    @DefaultValue("datadoghq.com") String site,
    @DefaultValue("llm-reliability-control-plane") String service,
    @DefaultValue("local") String env) {

  public boolean configured() {
    return apiKey != null && !apiKey.isBlank() && appKey != null && !appKey.isBlank();
  }

  /**
   * The web app host: {@code app.datadoghq.com}, {@code us3.datadoghq.com}, {@code
   * app.datadoghq.eu}.
   */
  public String appUrl() {
    long dots = site.chars().filter(c -> c == '.').count();
    return dots >= 2 ? "https://" + site : "https://app." + site;
  }

  @Override
  public String toString() {
    return "DatadogAccount[site="
        + site
        + ", service="
        + service
        + ", env="
        + env
        + ", apiKey="
        + (apiKey == null || apiKey.isBlank() ? "unset" : "***")
        + ", appKey="
        + (appKey == null || appKey.isBlank() ? "unset" : "***")
        + "]";
  }
}
