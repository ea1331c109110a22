package dev.lrcp.datadog.action;

import static dev.lrcp.datadog.action.DatadogCall.call;

import com.datadog.api.client.v1.api.LogsPipelinesApi;
import com.datadog.api.client.v1.model.LogsPipeline;
import dev.lrcp.datadog.BundledAssets;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Log pipelines from {@code datadog/logs-pipelines/}: one imported on request (updated in place if
 * a pipeline of that name exists), and the organisation's real list.
 */
@RestController
@RequestMapping("/datadog/log-pipelines")
class LogPipelineController {

  /** Route name → asset file; the names are the original's. */
  static final Map<String, String> BUNDLED =
      Map.of("llm-request", "llm-request", "cost", "cost", "security", "security");

  private final DatadogApis apis;

  LogPipelineController(DatadogApis apis) {
    this.apis = apis;
  }

  record Imported(String pipelineId, String name, boolean created) {}

  record Listed(
      String id, String name, boolean enabled, String filter, boolean readOnly, String bundledAs) {}

  @Operation(summary = "Import one bundled log pipeline: llm-request, cost or security")
  @PostMapping("/{name}")
  ResponseEntity<Imported> importPipeline(@PathVariable String name) {
    String asset = BUNDLED.get(name);
    if (asset == null) {
      throw DatadogFailure.notFound(
          "no bundled log pipeline '" + name + "'; known: " + String.join(", ", BUNDLED.keySet()));
    }
    var api = new LogsPipelinesApi(apis.api());
    LogsPipeline pipeline =
        ApiModels.to(
            BundledAssets.render("logs-pipelines", asset, apis.account().appUrl(), ""),
            LogsPipeline.class);
    Optional<String> existing =
        call("list the log pipelines", api::listLogsPipelines).stream()
            .filter(p -> pipeline.getName().equals(p.getName()))
            .map(LogsPipeline::getId)
            .findFirst();
    if (existing.isPresent()) {
      call("update the log pipeline", () -> api.updateLogsPipeline(existing.get(), pipeline));
      return ResponseEntity.ok(new Imported(existing.get(), pipeline.getName(), false));
    }
    String id = call("create the log pipeline", () -> api.createLogsPipeline(pipeline).getId());
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new Imported(id, pipeline.getName(), true));
  }

  @Operation(summary = "The organisation's log pipelines, marking the bundled ones")
  @GetMapping
  List<Listed> list() {
    var api = new LogsPipelinesApi(apis.api());
    Map<String, String> bundledNames = bundledNames();
    return call("list the log pipelines", api::listLogsPipelines).stream()
        .map(
            p ->
                new Listed(
                    p.getId(),
                    p.getName(),
                    Boolean.TRUE.equals(p.getIsEnabled()),
                    p.getFilter() == null ? null : p.getFilter().getQuery(),
                    Boolean.TRUE.equals(p.getIsReadOnly()),
                    bundledNames.get(p.getName())))
        .toList();
  }

  private Map<String, String> bundledNames() {
    var names = new java.util.HashMap<String, String>();
    BUNDLED.forEach(
        (route, asset) ->
            names.put(
                BundledAssets.render("logs-pipelines", asset, apis.account().appUrl(), "")
                    .path("name")
                    .asText(),
                route));
    return names;
  }
}
