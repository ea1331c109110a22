package dev.lrcp.datadog;

import com.datadog.api.client.v1.model.Dashboard;
import com.datadog.api.client.v1.model.LogsPipeline;
import com.datadog.api.client.v1.model.Monitor;
import com.datadog.api.client.v1.model.NotebookCreateRequest;
import com.datadog.api.client.v1.model.ServiceLevelObjectiveRequest;
import com.datadog.api.client.v1.model.SyntheticsAPITest;
import com.datadog.api.client.v2.model.ServiceDefinitionV2Dot2;
import java.util.Arrays;
import java.util.Locale;

/**
 * The kinds of asset under {@code datadog/}, in import order: SLOs first (the dashboard shows their
 * error budget, burn-rate monitors alert on them), then dashboards (monitor messages link to them),
 * then monitors, then the rest; the software catalogue's service definition last (it links to the
 * dashboard).
 *
 * @param directory folder under {@code datadog/} and the name used by {@code --only}
 * @param model the API's create-request model every file must deserialize into
 * @param titlePointer JSON pointer to the title the importer matches existing assets on
 */
enum AssetKind {
  SLOS("slos", ServiceLevelObjectiveRequest.class, "/name"),
  DASHBOARDS("dashboards", Dashboard.class, "/title"),
  MONITORS("monitors", Monitor.class, "/name"),
  NOTEBOOKS("notebooks", NotebookCreateRequest.class, "/data/attributes/name"),
  SYNTHETICS("synthetics", SyntheticsAPITest.class, "/name"),
  LOGS_PIPELINES("logs-pipelines", LogsPipeline.class, "/name"),
  SERVICES("services", ServiceDefinitionV2Dot2.class, "/dd-service");

  private final String directory;
  private final Class<?> model;
  private final String titlePointer;

  AssetKind(String directory, Class<?> model, String titlePointer) {
    this.directory = directory;
    this.model = model;
    this.titlePointer = titlePointer;
  }

  String directory() {
    return directory;
  }

  Class<?> model() {
    return model;
  }

  String titlePointer() {
    return titlePointer;
  }

  /** The kind whose directory (or {@code --only} name) is {@code name}. */
  static AssetKind fromName(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(k -> k.directory.equals(n))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown asset kind '" + name + "'; known: " + Arrays.toString(names())));
  }

  static String[] names() {
    return Arrays.stream(values()).map(AssetKind::directory).toArray(String[]::new);
  }
}
