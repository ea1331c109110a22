package dev.lrcp.gateway;

import dev.lrcp.admission.AdmissionRefusedException;
import dev.lrcp.flow.CallFailedException;
import dev.lrcp.llm.LlmException;
import dev.lrcp.routing.ModelNotServedException;
import dev.lrcp.routing.UnknownModelException;
import dev.lrcp.routing.UnknownPolicyException;
import dev.lrcp.security.PolicyBlockedException;

/** A gateway request that ends in an OpenAI-shape error with this status. */
final class GatewayException extends RuntimeException {

  private final int status;
  private final OpenAiError body;

  private GatewayException(int status, String message, String type, String code, String param) {
    super(message, null, false, false);
    this.status = status;
    this.body = OpenAiError.of(message, type, code, param);
  }

  static GatewayException invalid(String message, String param) {
    return request(400, "invalid_request", message, param);
  }

  static GatewayException unreadable() {
    return invalid(
        "We could not parse the JSON body of your request. Send a chat completion object.", null);
  }

  /** What OpenAI answers for a path it does not serve. */
  static GatewayException unknownUrl(String method, String path) {
    return request(
        404,
        "unknown_url",
        "Unknown request URL: " + method + " " + path + ". Please check the URL for typos.",
        null);
  }

  static GatewayException methodNotAllowed(String method, String path) {
    return request(
        405, "method_not_allowed", "Method " + method + " is not allowed on " + path, null);
  }

  static GatewayException unsupportedVersion(String version) {
    return request(
        505,
        "http_version_not_supported",
        "HTTP version '" + version + "' is not supported; use HTTP/1.1",
        null);
  }

  static GatewayException notJson(String contentType) {
    return request(
        415,
        "unsupported_media_type",
        "Content-Type '" + contentType + "' is not supported; send application/json",
        null);
  }

  static GatewayException internal() {
    return new GatewayException(
        500, "Internal error in the gateway", "api_error", "internal_error", null);
  }

  static GatewayException modelNotFound(String model) {
    return request(
        404,
        "model_not_found",
        "The model '" + model + "' does not exist or you do not have access to it.",
        "model");
  }

  static GatewayException blocked(String reason) {
    return request(
        400,
        "content_policy_violation",
        "The request was refused by the security policy: " + reason,
        "messages");
  }

  /** A problem with the caller's request: OpenAI's {@code invalid_request_error}. */
  private static GatewayException request(int status, String code, String message, String param) {
    return new GatewayException(status, message, "invalid_request_error", code, param);
  }

  /**
   * A call the flow refused or could not answer, in the OpenAI shape: an upstream failure with its
   * kind's status ({@link dev.lrcp.llm.LlmFailure#httpStatus()}), an unknown model as OpenAI's 404,
   * an unknown routing policy or alias and a security refusal as a 400, a model of another provider
   * than the configured one as a 422. Anything else is not a refusal and is rethrown.
   */
  static GatewayException of(RuntimeException e) {
    return switch (e) {
      case GatewayException g -> g;
      case CallFailedException failed -> upstream(failed.failure());
      case UnknownModelException unknown -> modelNotFound(unknown.model());
      case UnknownPolicyException policy ->
          invalid(
              "Unknown routing policy or alias '" + policy.name() + "'; known: " + policy.known(),
              "model");
      case ModelNotServedException notServed ->
          request(422, "model_not_served", "The " + notServed.getMessage(), "model");
      case PolicyBlockedException blocked -> blocked(blocked.reason());
      case AdmissionRefusedException refused -> refused(refused);
      default -> throw e;
    };
  }

  /**
   * An admission refusal as OpenAI words its own: a rate limit is type {@code requests} or {@code
   * tokens} with code {@code rate_limit_exceeded}; a budget has its own type, {@code
   * budget_exceeded}, so clients can tell them apart.
   */
  static GatewayException refused(AdmissionRefusedException e) {
    int status = e.reason().status();
    String message = e.getMessage();
    return switch (e.reason()) {
      case KEY_REJECTED ->
          new GatewayException(status, message, "invalid_request_error", "invalid_api_key", null);
      case MODEL_NOT_ALLOWED ->
          new GatewayException(
              status, message, "invalid_request_error", "model_not_allowed", "model");
      case BUDGET_EXCEEDED ->
          new GatewayException(status, message, "budget_exceeded", "budget_exceeded", null);
      case REQUESTS_PER_MINUTE ->
          new GatewayException(status, message, "requests", "rate_limit_exceeded", null);
      case TOKENS_PER_MINUTE ->
          new GatewayException(status, message, "tokens", "rate_limit_exceeded", null);
      case LEDGER_UNAVAILABLE ->
          new GatewayException(status, message, "api_error", "admission_unavailable", null);
    };
  }

  /** The message names the kind, never upstream text. */
  static GatewayException upstream(LlmException e) {
    String model = e.model() == null ? "the model" : "model " + e.model();
    int status = e.failure().httpStatus();
    return switch (e.failure()) {
      case RATE_LIMITED ->
          upstream(
              status,
              "rate_limit_error",
              "rate_limit_exceeded",
              "Upstream rate limit for " + model);
      case UPSTREAM_ERROR -> upstream(status, "upstream_error", "Upstream error from " + model);
      case MALFORMED_RESPONSE ->
          upstream(status, "upstream_malformed_response", "Malformed upstream reply from " + model);
      case AUTHENTICATION ->
          upstream(
              status,
              "upstream_authentication",
              "The gateway's upstream credentials for " + model + " were refused");
      case INVALID_REQUEST ->
          upstream(
              status, "upstream_rejected_request", "The upstream rejected the call to " + model);
      case UNAVAILABLE ->
          upstream(status, "upstream_unavailable", "Upstream unavailable for " + model);
      case CIRCUIT_OPEN -> upstream(status, "circuit_open", "Circuit open for " + model);
      case TIMEOUT -> upstream(status, "upstream_timeout", "Upstream timed out for " + model);
    };
  }

  private static GatewayException upstream(int status, String code, String message) {
    return upstream(status, "api_error", code, message);
  }

  private static GatewayException upstream(int status, String type, String code, String message) {
    return new GatewayException(status, message, type, code, null);
  }

  int status() {
    return status;
  }

  OpenAiError body() {
    return body;
  }
}
