package dev.lrcp.datadog;

import com.datadog.api.client.ApiClient;
import com.datadog.api.client.ApiException;
import com.datadog.api.client.JSON;
import com.datadog.api.client.v1.api.DashboardsApi;
import com.datadog.api.client.v1.api.LogsPipelinesApi;
import com.datadog.api.client.v1.api.MonitorsApi;
import com.datadog.api.client.v1.api.NotebooksApi;
import com.datadog.api.client.v1.api.ServiceLevelObjectivesApi;
import com.datadog.api.client.v1.api.SyntheticsApi;
import com.datadog.api.client.v1.model.Dashboard;
import com.datadog.api.client.v1.model.LogsPipeline;
import com.datadog.api.client.v1.model.Monitor;
import com.datadog.api.client.v1.model.MonitorUpdateRequest;
import com.datadog.api.client.v1.model.NotebookCreateRequest;
import com.datadog.api.client.v1.model.NotebookUpdateRequest;
import com.datadog.api.client.v1.model.ServiceLevelObjective;
import com.datadog.api.client.v1.model.ServiceLevelObjectiveRequest;
import com.datadog.api.client.v1.model.SyntheticsAPITest;
import com.datadog.api.client.v2.api.ServiceDefinitionApi;
import com.datadog.api.client.v2.model.ServiceDefinitionData;
import com.datadog.api.client.v2.model.ServiceDefinitionV2Dot2;
import com.datadog.api.client.v2.model.ServiceDefinitionsCreateRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link AssetGateway}s backed by the real datadog-api-client. Existing assets are listed once per
 * kind (up to 1000 per kind, far above what {@code datadog/} holds) and matched by title.
 */
final class ApiGateways {

  private ApiGateways() {}

  static AssetGateway forKind(AssetKind kind, ApiClient client) {
    return switch (kind) {
      case DASHBOARDS -> dashboards(new DashboardsApi(client));
      case MONITORS -> monitors(new MonitorsApi(client));
      case SLOS -> slos(new ServiceLevelObjectivesApi(client));
      case NOTEBOOKS -> notebooks(new NotebooksApi(client));
      case SYNTHETICS -> synthetics(new SyntheticsApi(client));
      case LOGS_PIPELINES -> pipelines(new LogsPipelinesApi(client));
      case SERVICES -> services(new ServiceDefinitionApi(client));
    };
  }

  private static AssetGateway dashboards(DashboardsApi api) {
    return new AssetGateway(
        () -> index(api.listDashboards().getDashboards(), d -> d.getTitle(), d -> d.getId()),
        body -> api.createDashboard(to(body, Dashboard.class)).getId(),
        (id, body) -> api.updateDashboard(id, to(body, Dashboard.class)));
  }

  private static AssetGateway monitors(MonitorsApi api) {
    var managed =
        new MonitorsApi.ListMonitorsOptionalParameters()
            .monitorTags("managed-by:lrcp-assets")
            .page(0L)
            .pageSize(1000);
    return new AssetGateway(
        () -> index(api.listMonitors(managed), Monitor::getName, m -> String.valueOf(m.getId())),
        body -> String.valueOf(api.createMonitor(to(body, Monitor.class)).getId()),
        (id, body) -> api.updateMonitor(Long.valueOf(id), to(body, MonitorUpdateRequest.class)));
  }

  private static AssetGateway slos(ServiceLevelObjectivesApi api) {
    var all = new ServiceLevelObjectivesApi.ListSLOsOptionalParameters().limit(1000L);
    return new AssetGateway(
        () ->
            index(
                api.listSLOs(all).getData(),
                ServiceLevelObjective::getName,
                ServiceLevelObjective::getId),
        body ->
            api.createSLO(to(body, ServiceLevelObjectiveRequest.class))
                .getData()
                .getFirst()
                .getId(),
        (id, body) -> api.updateSLO(id, to(body, ServiceLevelObjective.class)));
  }

  private static AssetGateway notebooks(NotebooksApi api) {
    var all = new NotebooksApi.ListNotebooksOptionalParameters().count(1000L).includeCells(false);
    return new AssetGateway(
        () ->
            index(
                api.listNotebooks(all).getData(),
                n -> n.getAttributes().getName(),
                n -> String.valueOf(n.getId())),
        body ->
            String.valueOf(
                api.createNotebook(to(body, NotebookCreateRequest.class)).getData().getId()),
        (id, body) -> api.updateNotebook(Long.valueOf(id), to(body, NotebookUpdateRequest.class)));
  }

  private static AssetGateway synthetics(SyntheticsApi api) {
    return new AssetGateway(
        () -> index(api.listTests().getTests(), t -> t.getName(), t -> t.getPublicId()),
        body -> api.createSyntheticsAPITest(to(body, SyntheticsAPITest.class)).getPublicId(),
        (id, body) -> api.updateAPITest(id, to(body, SyntheticsAPITest.class)));
  }

  private static AssetGateway pipelines(LogsPipelinesApi api) {
    return new AssetGateway(
        () -> index(api.listLogsPipelines(), LogsPipeline::getName, LogsPipeline::getId),
        body -> api.createLogsPipeline(to(body, LogsPipeline.class)).getId(),
        (id, body) -> api.updateLogsPipeline(id, to(body, LogsPipeline.class)));
  }

  /**
   * The catalogue's create call is an upsert keyed by {@code dd-service}, which is also the id; the
   * listing tells created from updated.
   */
  private static AssetGateway services(ServiceDefinitionApi api) {
    var all = new ServiceDefinitionApi.ListServiceDefinitionsOptionalParameters().pageSize(1000L);
    return new AssetGateway(
        () ->
            index(
                api.listServiceDefinitions(all).getData(),
                ApiGateways::ddService,
                ApiGateways::ddService),
        body -> upsert(api, body),
        (id, body) -> upsert(api, body));
  }

  private static String upsert(ServiceDefinitionApi api, JsonNode body) throws ApiException {
    api.createOrUpdateServiceDefinitions(
        new ServiceDefinitionsCreateRequest(to(body, ServiceDefinitionV2Dot2.class)));
    return body.path("dd-service").asText();
  }

  /** Every schema version names the service in {@code dd-service} (v1 under {@code info}). */
  private static String ddService(ServiceDefinitionData data) {
    JsonNode schema =
        JSON.getDefault()
            .getMapper()
            .valueToTree(data.getAttributes().getSchema().getActualInstance());
    return schema.has("dd-service")
        ? schema.path("dd-service").asText()
        : schema.at("/info/dd-service").asText();
  }

  private static <T> Map<String, String> index(
      Iterable<T> items, Function<T, String> title, Function<T, String> id) {
    Map<String, String> byTitle = new LinkedHashMap<>();
    if (items != null)
      items.forEach(item -> byTitle.putIfAbsent(title.apply(item), id.apply(item)));
    return byTitle;
  }

  /** Create and update requests are different models with the same JSON shape. */
  private static <T> T to(JsonNode body, Class<T> model) {
    try {
      return JSON.getDefault().getMapper().treeToValue(body, model);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot map asset to " + model.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }
}
