package dev.lrcp.datadog.action;

import dev.lrcp.telemetry.TelemetryActivity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which Datadog products this service feeds, from its configuration and what it has really sent
 * since it started: {@code emitting} (data sent), {@code configured} (set up; acts on request or
 * has sent nothing yet), {@code not_configured} (the detail says what is missing).
 */
final class ProductCatalogue {

  static final String EMITTING = "emitting";
  static final String CONFIGURED = "configured";
  static final String NOT_CONFIGURED = "not_configured";
  private static final String MISSING_KEYS = "set DD_API_KEY and DD_APP_KEY";

  record Product(String name, String status, String how, String detail) {}

  record Catalogue(
      String service, String env, String site, Map<String, Long> counts, List<Product> products) {}

  private ProductCatalogue() {}

  static Catalogue of(
      DatadogApis apis, DatadogActionsProperties properties, TelemetryActivity.Snapshot sent) {
    var products = new ArrayList<Product>();
    products.addAll(telemetry(sent));
    products.addAll(api(apis.configured(), properties));
    var counts = new TreeMap<String, Long>();
    products.forEach(p -> counts.merge(p.status(), 1L, Long::sum));
    var account = apis.account();
    return new Catalogue(account.service(), account.env(), account.site(), counts, products);
  }

  private static List<Product> telemetry(TelemetryActivity.Snapshot sent) {
    String agent = "start with DD_AGENT_ENABLED=true (dd-java-agent)";
    String apm =
        !sent.tracerAttached() ? NOT_CONFIGURED : sent.callsTraced() > 0 ? EMITTING : CONFIGURED;
    return List.of(
        new Product(
            "Metrics",
            sent.statsdTarget() == null
                ? NOT_CONFIGURED
                : sent.callsMeasured() > 0 ? EMITTING : CONFIGURED,
            "DogStatsD over UDP",
            sent.statsdTarget() == null
                ? "DogStatsD is off: DD_AGENT_HOST did not resolve"
                : sent.callsMeasured()
                    + " model calls sent as metric lines to "
                    + sent.statsdTarget()
                    + "; Datadog receives them if an Agent listens there"),
        new Product(
            "Logs",
            sent.callsMeasured() > 0 ? EMITTING : CONFIGURED,
            "JSON lines on stdout with dd.trace_id",
            sent.callsMeasured()
                + " model-call lines written; the Agent's log collection (or your platform's"
                + " shipper) sends them"),
        new Product(
            "APM",
            apm,
            "llm.call spans through dd-java-agent",
            sent.tracerAttached() ? sent.callsTraced() + " model calls traced" : agent),
        new Product(
            "Service map",
            apm,
            "peer.service on every llm.call span",
            sent.tracerAttached() ? "providers appear as the service's dependencies" : agent),
        new Product(
            "LLM Observability",
            !sent.llmObsEnabled() ? NOT_CONFIGURED : sent.callsTraced() > 0 ? EMITTING : CONFIGURED,
            "LLM spans through dd-java-agent",
            sent.llmObsEnabled()
                ? sent.callsTraced() + " model calls sent as LLM spans"
                : sent.tracerAttached() ? "set DD_LLMOBS_ENABLED=true" : agent));
  }

  private static List<Product> api(boolean keys, DatadogActionsProperties properties) {
    String paging =
        !keys
            ? MISSING_KEYS
            : properties.autoPaging()
                ? "SEV-1 incidents page team " + properties.autoPageTeam()
                : "automatic paging of SEV-1 incidents is off (LRCP_DATADOG_AUTO_PAGE_TEAM)";
    return List.of(
        product("Incident Management", "incidents delivered from the outbox", keys),
        product("Monitors, dashboard, SLOs", "assets as code, `datadog import`", keys),
        product("Notebooks", "POST /datadog/notebooks/*", keys),
        product("Synthetics", "POST /datadog/synthetics/*", keys),
        new Product(
            "On-Call", keys ? CONFIGURED : NOT_CONFIGURED, "POST /datadog/oncall/page", paging),
        product("Workflow Automation", "POST /datadog/workflows/trigger/{id}", keys),
        product("Log Pipelines", "POST /datadog/log-pipelines/{name}", keys),
        product("DORA Metrics", "POST /datadog/ci/deployment", keys),
        product("Error Tracking", "POST /datadog/error-tracking/track", keys),
        product("Software Catalog", "datadog/services, `datadog import`", keys),
        new Product(
            "CI Visibility test results",
            NOT_CONFIGURED,
            "no public API for one result",
            "run tests with Test Optimization or `datadog-ci junit upload`"),
        new Product(
            "RUM",
            NOT_CONFIGURED,
            "browser SDK",
            "the Failure Theater loads no Datadog browser SDK"));
  }

  /** A product this service uses through the API on request: ready exactly when keys are set. */
  private static Product product(String name, String how, boolean keys) {
    return new Product(name, keys ? CONFIGURED : NOT_CONFIGURED, how, keys ? null : MISSING_KEYS);
  }
}
