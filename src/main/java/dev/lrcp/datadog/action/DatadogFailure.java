package dev.lrcp.datadog.action;

import com.datadog.api.client.ApiException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;

/**
 * Why an action did not happen, as the problem the caller gets: never a 5xx of ours, never
 * Datadog's raw answer passed off as success.
 *
 * @param kind the problem type's slug ({@code urn:lrcp:problem:<kind>})
 * @param properties extra problem members, e.g. {@code alternative}
 */
final class DatadogFailure extends RuntimeException {

  private final int status;
  private final String kind;
  private final String title;
  private final Integer retryAfterSeconds;
  private final Map<String, Object> properties;

  private DatadogFailure(
      int status,
      String kind,
      String title,
      String detail,
      Integer retryAfterSeconds,
      Map<String, Object> properties) {
    super(detail);
    this.status = status;
    this.kind = kind;
    this.title = title;
    this.retryAfterSeconds = retryAfterSeconds;
    this.properties = properties;
  }

  static DatadogFailure notConfigured() {
    return new DatadogFailure(
        503,
        "datadog-not-configured",
        "Datadog API not configured",
        "Set DD_API_KEY and DD_APP_KEY (and DD_SITE if not datadoghq.com); nothing was sent to"
            + " Datadog",
        null,
        Map.of());
  }

  static DatadogFailure notImplemented(String detail, String alternative) {
    return new DatadogFailure(
        501,
        "not-implemented",
        "Not implemented",
        detail,
        null,
        Map.of("alternative", alternative));
  }

  /** Valid JSON asking for something this service cannot do with that field. */
  static DatadogFailure unprocessable(String field, String message) {
    return new DatadogFailure(
        422,
        "unprocessable",
        "Unprocessable request",
        field + ": " + message,
        null,
        Map.of("errors", List.of(Map.of("field", field, "message", message))));
  }

  static DatadogFailure notFound(String detail) {
    return new DatadogFailure(404, "not-found", "Not found", detail, null, Map.of());
  }

  /** Datadog answered an error status for {@code what} (e.g. "create the notebook"). */
  static DatadogFailure answered(String what, ApiException e) {
    int code = e.getCode();
    String said = " (Datadog answered HTTP " + code + ": " + errors(e) + ")";
    Map<String, Object> datadog = Map.of("datadog_status", code);
    return switch (code) {
      case 400, 422 ->
          new DatadogFailure(
              422,
              "datadog-rejected",
              "Datadog rejected the request",
              "Cannot " + what + said,
              null,
              datadog);
      case 401, 403 ->
          new DatadogFailure(
              502,
              "datadog-refused-credentials",
              "Datadog refused the credentials",
              "Cannot "
                  + what
                  + ": check that DD_API_KEY and DD_APP_KEY are valid for DD_SITE and"
                  + " that the application key has the scope this needs"
                  + said,
              null,
              datadog);
      case 404 ->
          new DatadogFailure(
              404,
              "datadog-not-found",
              "Not found in Datadog",
              "Cannot " + what + said,
              null,
              datadog);
      case 409 ->
          new DatadogFailure(
              409,
              "datadog-conflict",
              "Conflict in Datadog",
              "Cannot " + what + said,
              null,
              datadog);
      case 429 ->
          new DatadogFailure(
              429,
              "datadog-rate-limited",
              "Datadog rate limited the request",
              "Cannot " + what + " now" + said,
              retryAfter(e),
              datadog);
      default ->
          new DatadogFailure(
              502, "datadog-error", "Datadog API error", "Cannot " + what + said, null, datadog);
    };
  }

  /** No HTTP answer at all: refused connection, TLS failure, timeout. */
  static DatadogFailure unreachable(String what, Throwable e) {
    boolean timeout = causedBy(e, SocketTimeoutException.class);
    return new DatadogFailure(
        timeout ? 504 : 503,
        timeout ? "datadog-timeout" : "datadog-unreachable",
        timeout ? "Datadog API timed out" : "Datadog API unreachable",
        "Cannot " + what + ": " + (timeout ? "no answer in time" : "no connection to Datadog"),
        null,
        Map.of());
  }

  int status() {
    return status;
  }

  String kind() {
    return kind;
  }

  String title() {
    return title;
  }

  Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }

  Map<String, Object> properties() {
    return properties;
  }

  /** Datadog's error list, shortened; it names fields, never our keys. */
  private static String errors(ApiException e) {
    String body = e.getResponseBody();
    String text = body == null || body.isBlank() ? String.valueOf(e.getMessage()) : body;
    text = text.replaceAll("\\s+", " ").strip();
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  private static Integer retryAfter(ApiException e) {
    Map<String, List<String>> headers = e.getResponseHeaders();
    if (headers == null) {
      return null;
    }
    return headers.entrySet().stream()
        .filter(h -> h.getKey() != null && h.getKey().equalsIgnoreCase("x-ratelimit-reset"))
        .flatMap(h -> h.getValue().stream())
        .findFirst()
        .flatMap(DatadogFailure::seconds)
        .orElse(null);
  }

  private static java.util.Optional<Integer> seconds(String value) {
    try {
      return java.util.Optional.of(Math.max(1, Integer.parseInt(value.strip())));
    } catch (NumberFormatException e) {
      return java.util.Optional.empty();
    }
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
