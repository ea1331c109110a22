package dev.lrcp.incident;

import com.datadog.api.client.ApiClient;
import com.datadog.api.client.ApiException;
import com.datadog.api.client.v1.api.EventsApi;
import com.datadog.api.client.v1.model.EventAlertType;
import com.datadog.api.client.v1.model.EventCreateRequest;
import com.datadog.api.client.v1.model.EventPriority;
import com.datadog.api.client.v2.api.IncidentsApi;
import com.datadog.api.client.v2.model.IncidentCreateAttributes;
import com.datadog.api.client.v2.model.IncidentCreateData;
import com.datadog.api.client.v2.model.IncidentCreateRequest;
import com.datadog.api.client.v2.model.IncidentFieldAttributes;
import com.datadog.api.client.v2.model.IncidentFieldAttributesSingleValue;
import com.datadog.api.client.v2.model.IncidentFieldAttributesSingleValueType;
import com.datadog.api.client.v2.model.IncidentTimelineCellCreateAttributes;
import com.datadog.api.client.v2.model.IncidentTimelineCellMarkdownContentType;
import com.datadog.api.client.v2.model.IncidentTimelineCellMarkdownCreateAttributes;
import com.datadog.api.client.v2.model.IncidentTimelineCellMarkdownCreateAttributesContent;
import com.datadog.api.client.v2.model.IncidentType;
import com.datadog.api.client.v2.model.IncidentUpdateAttributes;
import com.datadog.api.client.v2.model.IncidentUpdateData;
import com.datadog.api.client.v2.model.IncidentUpdateRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.apache.connector.ApacheConnectorProvider;

/**
 * Datadog Incident Management (v2 incidents) with the Events API as fallback when the incidents
 * call is refused (e.g. the product is not enabled for the org). Updates of an incident delivered
 * as an event post a follow-up event with the same aggregation key.
 */
final class DatadogIncidentSink implements IncidentSink {

  private final DatadogAccount account;
  private final IncidentsApi incidents;
  private final EventsApi events;

  /**
   * @param apiUrl e.g. {@code https://api.datadoghq.com}; a local stub in tests
   */
  DatadogIncidentSink(DatadogAccount account, URI apiUrl) {
    this.account = account;
    var client = new ApiClient();
    client.setServerIndex(1);
    client.setServerVariables(
        Map.of("protocol", apiUrl.getScheme(), "name", apiUrl.getAuthority()));
    if (account.configured()) {
      client.configureApiKeys(
          Map.of("apiKeyAuth", account.apiKey(), "appKeyAuth", account.appKey()));
    }
    client.enableRetry(false);
    // Jersey's default HttpURLConnection connector needs reflection into java.net for PATCH
    // (refused on modern JDKs without --add-opens); the Apache connector speaks PATCH natively.
    var config = client.getClientConfig();
    config.connectorProvider(new ApacheConnectorProvider());
    client.setClientConfig(config);
    client.setConnectTimeout(5_000);
    client.setReadTimeout(10_000);
    client.setUnstableOperationEnabled("v2.createIncident", true);
    client.setUnstableOperationEnabled("v2.updateIncident", true);
    this.incidents = new IncidentsApi(client);
    this.events = new EventsApi(client);
  }

  @Override
  public String name() {
    return "datadog";
  }

  @Override
  public boolean configured() {
    return account.configured();
  }

  @Override
  public String deliver(Incident incident, String externalId) {
    try {
      if (externalId == null) {
        return create(incident);
      }
      if (externalId.startsWith("incident:")) {
        update(externalId.substring("incident:".length()), incident);
        return externalId;
      }
      postEvent(incident);
      return externalId;
    } catch (ApiException e) {
      throw new SinkException("Datadog API answered " + e.getCode() + ": " + brief(e), e);
    } catch (RuntimeException e) {
      throw new SinkException("Datadog API unreachable: " + e.getMessage(), e);
    }
  }

  private String create(Incident incident) throws ApiException {
    try {
      var attributes =
          new IncidentCreateAttributes()
              .title(incident.title())
              .customerImpacted(false)
              .fields(fields(incident))
              .initialCells(List.of(markdown(IncidentMarkdown.body(incident, account))));
      var request =
          new IncidentCreateRequest()
              .data(new IncidentCreateData().type(IncidentType.INCIDENTS).attributes(attributes));
      return "incident:" + incidents.createIncident(request).getData().getId();
    } catch (ApiException e) {
      if (e.getCode() >= 500 || e.getCode() == 429 || e.getCode() == 0) {
        throw e; // transient: retry the incident call rather than fall back
      }
      return "event:" + postEvent(incident);
    }
  }

  private void update(String id, Incident incident) throws ApiException {
    var attributes =
        new IncidentUpdateAttributes().title(incident.title()).fields(fields(incident));
    incidents.updateIncident(
        id,
        new IncidentUpdateRequest()
            .data(
                new IncidentUpdateData()
                    .id(id)
                    .type(IncidentType.INCIDENTS)
                    .attributes(attributes)));
  }

  private Long postEvent(Incident incident) throws ApiException {
    boolean urgent = !"SEV-3".equals(incident.severity());
    var event =
        new EventCreateRequest()
            .title("[" + incident.severity() + "] [" + incident.status() + "] " + incident.title())
            .text("%%% \n" + IncidentMarkdown.body(incident, account) + "\n %%%")
            .alertType(
                Incident.RESOLVED.equals(incident.status())
                    ? EventAlertType.SUCCESS
                    : EventAlertType.ERROR)
            .priority(urgent ? EventPriority.NORMAL : EventPriority.LOW)
            .aggregationKey(incident.id())
            .tags(IncidentMarkdown.tags(incident, account));
    return events.createEvent(event).getEvent().getId();
  }

  private static Map<String, IncidentFieldAttributes> fields(Incident incident) {
    String state =
        Incident.RESOLVED.equals(incident.status())
            ? "resolved"
            : Incident.ACKNOWLEDGED.equals(incident.status()) ? "stable" : "active";
    return Map.of(
        "severity", single(incident.severity()),
        "state", single(state));
  }

  private static IncidentFieldAttributes single(String value) {
    return new IncidentFieldAttributes(
        new IncidentFieldAttributesSingleValue()
            .type(IncidentFieldAttributesSingleValueType.DROPDOWN)
            .value(value));
  }

  private static IncidentTimelineCellCreateAttributes markdown(String text) {
    return new IncidentTimelineCellCreateAttributes(
        new IncidentTimelineCellMarkdownCreateAttributes()
            .cellType(IncidentTimelineCellMarkdownContentType.MARKDOWN)
            .content(new IncidentTimelineCellMarkdownCreateAttributesContent().content(text)));
  }

  private static String brief(ApiException e) {
    String body = e.getResponseBody();
    return body == null
        ? String.valueOf(e.getMessage())
        : body.substring(0, Math.min(200, body.length()));
  }
}
