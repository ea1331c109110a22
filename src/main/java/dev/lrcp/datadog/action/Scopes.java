package dev.lrcp.datadog.action;

import dev.lrcp.datadog.MetricCatalog;
import dev.lrcp.incident.DatadogAccount;
import dev.lrcp.incident.Scope;
import java.util.Set;

/**
 * An incident's scope as Datadog filters: metric scopes use only the tags the service sends on that
 * metric (the security counters carry no model), log and span searches use the attributes the call
 * log line and the {@code llm.call} span carry.
 */
final class Scopes {

  private final DatadogAccount account;
  private final MetricCatalog catalog;

  Scopes(DatadogAccount account, MetricCatalog catalog) {
    this.account = account;
    this.catalog = catalog;
  }

  String metric(String metric, Scope scope) {
    Set<String> tags = catalog.tagsOf(metric);
    var filter = new StringBuilder("service:" + account.service() + ",env:" + account.env());
    if (scope.endpoint() != null && tags.contains("endpoint")) {
      filter.append(",endpoint:").append(scope.endpoint());
    }
    if (scope.model() != null && tags.contains("model")) {
      filter.append(",model:").append(scope.model());
    }
    return "{" + filter + "}";
  }

  String logs(Scope scope) {
    return base() + " @event:llm_call" + scope.searchTerms("@endpoint", "@model");
  }

  String spans(Scope scope) {
    return base() + " operation_name:llm.call" + scope.searchTerms("@llm.endpoint", "@llm.model");
  }

  private String base() {
    return "service:" + account.service() + " env:" + account.env();
  }
}
