package dev.lrcp.incident;

import dev.lrcp.incident.Incident.Links;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** Datadog views filtered to an incident's scope and time, on the configured site. */
final class DatadogLinks {

  private static final Duration BEFORE = Duration.ofMinutes(30);
  private static final Duration AFTER = Duration.ofMinutes(15);

  private final DatadogAccount account;
  private final String dashboardId;

  DatadogLinks(DatadogAccount account, String dashboardId) {
    this.account = account;
    this.dashboardId = dashboardId;
  }

  Links of(Scope scope, Instant at) {
    long from = at.minus(BEFORE).toEpochMilli();
    long to = at.plus(AFTER).toEpochMilli();
    String app = account.appUrl();
    String time = "&from_ts=" + from + "&to_ts=" + to + "&live=false";
    String base = "service:" + account.service() + " env:" + account.env();
    String dashboard =
        dashboardId == null || dashboardId.isBlank()
            ? app + "/dashboard/lists?q=" + enc("LLM Reliability Control Plane")
            : app
                + "/dashboard/"
                + dashboardId
                + "?tpl_var_service="
                + enc(account.service())
                + tpl("endpoint", scope.endpoint())
                + tpl("model", scope.model())
                + time;
    // log attributes are endpoint/model; the llm.call span carries both as llm.endpoint/llm.model
    // (the route is on a different span, the request's)
    return new Links(
        dashboard,
        app + "/logs?query=" + enc(base + scope.searchTerms("@endpoint", "@model")) + time,
        app
            + "/apm/traces?query="
            + enc(
                base
                    + " operation_name:llm.call"
                    + scope.searchTerms("@llm.endpoint", "@llm.model"))
            + time);
  }

  private static String tpl(String name, String value) {
    return value == null ? "" : "&tpl_var_" + name + "=" + enc(value);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
