package dev.lrcp.datadog.action;

import com.datadog.api.client.ApiClient;
import dev.lrcp.incident.DatadogAccount;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.glassfish.jersey.apache.connector.ApacheConnectorProvider;
import org.springframework.stereotype.Component;

/**
 * The Datadog hosts the actions talk to, one client each: the API ({@code api.<site>}), On-Call
 * paging (a regional host per site) and the logs intake ({@code http-intake.logs.<site>}). With
 * {@code lrcp.datadog.api-url} all three go to that one URL. Clients exist only with keys.
 */
@Component
class DatadogApis {

  /** On-Call paging hosts by site, as documented for the On-Call Paging API. */
  private static final Map<String, String> ON_CALL =
      Map.of(
          "datadoghq.com", "navy.oncall.datadoghq.com",
          "us3.datadoghq.com", "teal.oncall.datadoghq.com",
          "us5.datadoghq.com", "coral.oncall.datadoghq.com",
          "datadoghq.eu", "beige.oncall.datadoghq.eu",
          "ap1.datadoghq.com", "saffron.oncall.datadoghq.com",
          "ap2.datadoghq.com", "lava.oncall.datadoghq.com",
          "uk1.datadoghq.com", "scarlet.oncall.datadoghq.com",
          "ddog-gov.com", "navy.oncall.datadoghq.com");

  private final DatadogAccount account;
  private final ApiClient api;
  private final ApiClient onCall;
  private final ApiClient intake;

  DatadogApis(DatadogAccount account, DatadogActionsProperties properties) {
    this.account = account;
    String site = account.site().toLowerCase(Locale.ROOT);
    URI override = properties.apiUrl();
    this.api = client(account, override != null ? override : URI.create("https://api." + site));
    this.onCall =
        client(
            account,
            override != null
                ? override
                : URI.create("https://" + ON_CALL.getOrDefault(site, "navy.oncall.datadoghq.com")));
    this.intake =
        client(
            account, override != null ? override : URI.create("https://http-intake.logs." + site));
  }

  boolean configured() {
    return account.configured();
  }

  DatadogAccount account() {
    return account;
  }

  ApiClient api() {
    return require(api);
  }

  ApiClient onCall() {
    return require(onCall);
  }

  ApiClient intake() {
    return require(intake);
  }

  private ApiClient require(ApiClient client) {
    if (client == null) {
      throw DatadogFailure.notConfigured();
    }
    return client;
  }

  private static ApiClient client(DatadogAccount account, URI base) {
    if (!account.configured()) {
      return null;
    }
    var client = new ApiClient(); // not the default client: that one reads the environment itself
    client.setServerIndex(1); // "{protocol}://{name}", per-operation hosts included
    client.setServerVariables(Map.of("protocol", base.getScheme(), "name", base.getAuthority()));
    client.configureApiKeys(Map.of("apiKeyAuth", account.apiKey(), "appKeyAuth", account.appKey()));
    client.enableRetry(false);
    var config = client.getClientConfig();
    config.connectorProvider(new ApacheConnectorProvider()); // PATCH without reflection hacks
    client.setClientConfig(config);
    client.setConnectTimeout(5_000);
    client.setReadTimeout(10_000);
    return client;
  }
}
