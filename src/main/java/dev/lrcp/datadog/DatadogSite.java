package dev.lrcp.datadog;

import com.datadog.api.client.ApiClient;
import java.net.URI;
import java.util.Map;

/**
 * Where the Datadog API and web app live. {@code DD_SITE} is a Datadog site ({@code datadoghq.com},
 * {@code datadoghq.eu}, {@code us5.datadoghq.com}, ...) or a full URL ({@code
 * http://127.0.0.1:8080}) for a proxy or a local stub; a URL is used for both the API and the links
 * in messages.
 */
record DatadogSite(String site) {

  static final String DEFAULT = "datadoghq.com";

  boolean isUrl() {
    return site.startsWith("http://") || site.startsWith("https://");
  }

  /** Base of links in monitor messages, e.g. {@code https://app.datadoghq.com}. */
  String appUrl() {
    if (isUrl()) return site.replaceAll("/+$", "");
    boolean topLevel = site.split("\\.").length == 2; // datadoghq.com, datadoghq.eu, ddog-gov.com
    return "https://" + (topLevel ? "app." : "") + site;
  }

  ApiClient client(String apiKey, String appKey) {
    ApiClient client =
        new ApiClient(); // not getDefaultApiClient(): that one reads the environment itself
    if (isUrl()) {
      URI uri = URI.create(site);
      client.setServerIndex(1); // "{protocol}://{name}"
      client.setServerVariables(Map.of("protocol", uri.getScheme(), "name", uri.getAuthority()));
    } else {
      client.setServerVariables(Map.of("site", site));
    }
    client.configureApiKeys(Map.of("apiKeyAuth", apiKey, "appKeyAuth", appKey));
    client.enableRetry(false);
    return client;
  }
}
