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

  /** The service's own gauges (health score), which are not per call. */
  String service() {
    return "{service:" + account.service() + ",env:" + account.env() + "}";
  }

  String logs(Scope scope) {
    return base() + " @event:llm_call" + attributes(scope, "@endpoint", "@model");
  }

  String spans(Scope scope) {
    return base() + " operation_name:llm.call" + attributes(scope, "@llm.endpoint", "@llm.model");
  }

  static String phrase(Scope scope) {
    if (scope.endpoint() != null && scope.model() != null) {
      return "on " + scope.endpoint() + " with model " + scope.model();
    } else if (scope.endpoint() != null) {
      return "on " + scope.endpoint();
    } else if (scope.model() != null) {
      return "on model " + scope.model();
    }
    return "across the service";
  }

  private String base() {
    return "service:" + account.service() + " env:" + account.env();
  }

  private static String attributes(Scope scope, String endpointKey, String modelKey) {
    String f = "";
    if (scope.endpoint() != null) {
      f += " " + endpointKey + ":\"" + scope.endpoint() + "\"";
    }
    if (scope.model() != null) {
      f += " " + modelKey + ":\"" + scope.model() + "\"";
    }
    return f;
  }
}
