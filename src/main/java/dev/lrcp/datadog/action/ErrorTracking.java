package dev.lrcp.datadog.action;

import static dev.lrcp.datadog.action.DatadogCall.call;

import com.datadog.api.client.v2.api.ErrorTrackingApi;
import com.datadog.api.client.v2.api.LogsApi;
import com.datadog.api.client.v2.model.HTTPLogItem;
import com.datadog.api.client.v2.model.IssuesSearchRequest;
import com.datadog.api.client.v2.model.IssuesSearchRequestData;
import com.datadog.api.client.v2.model.IssuesSearchRequestDataAttributes;
import com.datadog.api.client.v2.model.IssuesSearchRequestDataAttributesOrderBy;
import com.datadog.api.client.v2.model.IssuesSearchRequestDataAttributesTrack;
import com.datadog.api.client.v2.model.IssuesSearchRequestDataType;
import com.datadog.api.client.v2.model.IssuesSearchResultIncluded;
import com.datadog.api.client.v2.model.SearchIssuesIncludeQueryParameterItem;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Errors into Datadog Error Tracking as logs it groups (status error with {@code error.kind},
 * {@code error.message}, {@code error.stack}), and the issues read back through the Error Tracking
 * API.
 */
final class ErrorTracking {

  private final DatadogApis apis;
  private final String version;

  ErrorTracking(DatadogApis apis, String version) {
    this.apis = apis;
    this.version = version;
  }

  record Report(
      String errorType,
      String errorMessage,
      String stack,
      String severity,
      String userId,
      Map<String, Object> context) {}

  record Issue(
      String id,
      String errorType,
      String errorMessage,
      Long occurrences,
      Instant firstSeen,
      Instant lastSeen,
      String state) {}

  record Summary(String service, String env, int hours, String errorType, List<Issue> issues) {}

  String service() {
    return apis.account().service();
  }

  void track(Report report) {
    var account = apis.account();
    var log =
        new HTTPLogItem()
            .message(report.errorType() + ": " + report.errorMessage())
            .service(account.service())
            .ddsource("lrcp")
            .ddtags("env:" + account.env() + ",version:" + version)
            .putAdditionalProperty("status", report.severity())
            .putAdditionalProperty("error.kind", report.errorType())
            .putAdditionalProperty("error.message", report.errorMessage());
    if (report.stack() != null) {
      log.putAdditionalProperty("error.stack", report.stack());
    }
    if (report.userId() != null) {
      log.putAdditionalProperty("usr.id", report.userId());
    }
    if (report.context() != null && !report.context().isEmpty()) {
      log.putAdditionalProperty("context", new HashMap<>(report.context()));
    }
    var api = new LogsApi(apis.intake());
    call("send the error to Datadog", () -> api.submitLog(List.of(log)));
  }

  Summary summary(int hours, String errorType, Instant now) {
    var account = apis.account();
    String query = "service:" + account.service() + " env:" + account.env();
    var attributes =
        new IssuesSearchRequestDataAttributes()
            .query(query)
            .from(now.minus(Duration.ofHours(hours)).toEpochMilli())
            .to(now.toEpochMilli())
            .track(IssuesSearchRequestDataAttributesTrack.LOGS)
            .orderBy(IssuesSearchRequestDataAttributesOrderBy.TOTAL_COUNT);
    var request =
        new IssuesSearchRequest()
            .data(
                new IssuesSearchRequestData()
                    .type(IssuesSearchRequestDataType.SEARCH_REQUEST)
                    .attributes(attributes));
    var api = new ErrorTrackingApi(apis.api());
    var found =
        call(
            "search Error Tracking issues",
            () ->
                api.searchIssues(
                    request,
                    new ErrorTrackingApi.SearchIssuesOptionalParameters()
                        .include(List.of(SearchIssuesIncludeQueryParameterItem.ISSUE))));
    // filtered here: the issue's error type is what the caller means, whatever the query syntax
    var issues =
        issues(found).stream()
            .filter(i -> errorType == null || errorType.equals(i.errorType()))
            .toList();
    return new Summary(account.service(), account.env(), hours, errorType, issues);
  }

  private static List<Issue> issues(com.datadog.api.client.v2.model.IssuesSearchResponse found) {
    if (found == null || found.getData() == null) {
      return List.of();
    }
    Map<String, com.datadog.api.client.v2.model.Issue> details = new HashMap<>();
    if (found.getIncluded() != null) {
      for (IssuesSearchResultIncluded included : found.getIncluded()) {
        if (included.getActualInstance() instanceof com.datadog.api.client.v2.model.Issue issue) {
          details.put(issue.getId(), issue);
        }
      }
    }
    return found.getData().stream()
        .map(
            result -> {
              String id =
                  result.getRelationships() == null
                      ? result.getId()
                      : result.getRelationships().getIssue().getData().getId();
              var issue = details.get(id);
              var a = issue == null ? null : issue.getAttributes();
              return new Issue(
                  id,
                  a == null ? null : a.getErrorType(),
                  a == null ? null : a.getErrorMessage(),
                  result.getAttributes() == null ? null : result.getAttributes().getTotalCount(),
                  a == null || a.getFirstSeen() == null
                      ? null
                      : Instant.ofEpochMilli(a.getFirstSeen()),
                  a == null || a.getLastSeen() == null
                      ? null
                      : Instant.ofEpochMilli(a.getLastSeen()),
                  a == null || a.getState() == null
                      ? null
                      : String.valueOf(a.getState().getValue()));
            })
        .toList();
  }
}
