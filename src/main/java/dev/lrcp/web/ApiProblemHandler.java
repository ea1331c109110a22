package dev.lrcp.web;

import dev.lrcp.admission.AdmissionRefusedException;
import dev.lrcp.flow.CallFailedException;
import dev.lrcp.routing.ModelNotServedException;
import dev.lrcp.routing.OverrideNotFoundException;
import dev.lrcp.routing.RoutingRequestException;
import dev.lrcp.routing.UnknownModelException;
import dev.lrcp.routing.UnknownPolicyException;
import dev.lrcp.security.PolicyBlockedException;
import dev.lrcp.series.InvalidSeriesException;
import dev.lrcp.storage.DatabaseFailure;
import java.util.List;
import org.apache.coyote.BadRequestException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place exceptions become RFC 9457 problems. Spring's own exceptions (405, 415, 404, bad
 * JSON, ...) come through {@link ResponseEntityExceptionHandler} and get our stable types; ours are
 * mapped below. Bodies never carry a stack trace or an upstream's raw message.
 */
@RestControllerAdvice
class ApiProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

  @ExceptionHandler
  ResponseEntity<ProblemDetail> upstreamFailed(CallFailedException e) {
    var failure = e.failure();
    ProblemKind kind = UpstreamProblems.kindOf(failure.failure());
    ProblemDetail problem =
        kind.problem(UpstreamProblems.detail(failure.failure(), failure.model()));
    problem.setProperty("prompt_id", e.promptId());
    problem.setProperty("failure", failure.failure().tag());
    problem.setProperty("model", failure.model());
    problem.setProperty("retry_count", failure.retryCount());
    problem.setProperty("fallback_used", failure.fallbackUsed());
    log.warn("prompt {} failed upstream: {}", e.promptId(), failure.failure().tag());
    return respond(problem);
  }

  /**
   * A refusal of the admit stage; its {@code Retry-After} and {@code x-ratelimit-*} headers are
   * already on the response (the stage sets them through the call's reply headers).
   */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> refused(AdmissionRefusedException e) {
    ProblemKind kind =
        switch (e.reason()) {
          case KEY_REJECTED -> ProblemKind.UNAUTHORIZED;
          case MODEL_NOT_ALLOWED -> ProblemKind.MODEL_NOT_ALLOWED;
          case BUDGET_EXCEEDED -> ProblemKind.BUDGET_EXCEEDED;
          case REQUESTS_PER_MINUTE, TOKENS_PER_MINUTE -> ProblemKind.RATE_LIMITED;
          case LEDGER_UNAVAILABLE -> ProblemKind.ADMISSION_UNAVAILABLE;
        };
    ProblemDetail problem = kind.problem(e.getMessage());
    problem.setProperty("reason", e.reason().tag());
    e.details().forEach(problem::setProperty);
    return respond(problem);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> blocked(PolicyBlockedException e) {
    ProblemDetail problem =
        ProblemKind.BLOCKED_BY_POLICY.problem(
            "The request was blocked by the security policy: " + e.reason());
    problem.setProperty("prompt_id", e.promptId());
    problem.setProperty("reason", e.reason());
    return respond(problem);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> unknownModel(UnknownModelException e) {
    ProblemDetail problem =
        ProblemKind.UNPROCESSABLE.problem(
            "model: unknown model '" + e.model() + "'; known models: " + e.known());
    problem.setProperty("errors", List.of(FieldProblem.of("model", "unknown model")));
    return respond(problem);
  }

  /** A supplied series that parses but cannot be analysed: the field and what is wrong. */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> invalidSeries(InvalidSeriesException e) {
    ProblemDetail problem = ProblemKind.UNPROCESSABLE.problem(e.getMessage());
    problem.setProperty("errors", List.of(FieldProblem.of(e.field(), e.problem())));
    return respond(problem);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> modelNotServed(ModelNotServedException e) {
    ProblemDetail problem = ProblemKind.UNPROCESSABLE.problem("model: " + e.getMessage());
    problem.setProperty(
        "errors",
        List.of(
            FieldProblem.of("model", "not served by the " + e.configuredProvider() + " provider")));
    return respond(problem);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> unknownPolicy(UnknownPolicyException e) {
    ProblemDetail problem =
        ProblemKind.VALIDATION.problem(
            "model: unknown routing policy or alias '" + e.name() + "'; known: " + e.known());
    problem.setProperty("errors", List.of(FieldProblem.of("model", "unknown policy or alias")));
    return respond(problem);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> routingRequest(RoutingRequestException e) {
    ProblemKind kind = e.unprocessable() ? ProblemKind.UNPROCESSABLE : ProblemKind.VALIDATION;
    ProblemDetail problem = kind.problem(e.getMessage());
    problem.setProperty("errors", List.of(FieldProblem.of(e.field(), e.getMessage())));
    return respond(problem);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> overrideNotFound(OverrideNotFoundException e) {
    return respond(ProblemKind.NOT_FOUND.problem(e.getMessage()));
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> invalidToggle(InvalidToggleException e) {
    ProblemDetail problem = ProblemKind.VALIDATION.problem(e.getMessage());
    problem.setProperty(
        "errors", List.of(FieldProblem.of(e.parameter(), "must be one of " + Toggles.ACCEPTED)));
    return respond(problem);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> tooLarge(RequestTooLargeException e) {
    return respond(ProblemKind.PAYLOAD_TOO_LARGE.problem(e.getMessage()));
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> bodyTooSlow(RequestBodyTimeoutException e) {
    return respond(ProblemKind.REQUEST_TIMEOUT.problem(e.getReason()));
  }

  /**
   * Tomcat could not read the request's parameters: a query or form body that is not
   * percent-encoded UTF-8, or a chunked body with broken framing. They are read wherever they are
   * first needed, which may be Spring's choice of a handler, before any endpoint's own checks.
   */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> unreadableParameters(InvalidParameterException e) {
    String detail =
        e.getCause() instanceof BadRequestException
            ? "The request body's chunked framing is malformed"
            : "The query or form parameters are not valid percent-encoded UTF-8";
    return respond(ProblemKind.BAD_REQUEST.problem(detail));
  }

  /**
   * The database is down, restarting or cannot write: the caller may try again shortly. Anything
   * else the database refused is our bug.
   */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> database(DataAccessException e) {
    if (!DatabaseFailure.unreachable(e)) {
      return unexpected(e);
    }
    log.warn("storage unavailable: {}", e.getMostSpecificCause().getMessage());
    ProblemDetail problem =
        ProblemKind.STORAGE_UNAVAILABLE.problem("The database cannot be used just now");
    return ResponseEntity.status(problem.getStatus())
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(problem);
  }

  /** Our own bug, never the caller's input: logged in full here, opaque to the caller. */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("unexpected error", e);
    return respond(ProblemKind.INTERNAL.problem("An unexpected error occurred"));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> errors = FieldProblem.of(e.getBindingResult());
    ProblemDetail problem = ProblemKind.VALIDATION.problem(FieldProblem.summary(errors));
    problem.setProperty("errors", errors);
    return handleExceptionInternal(e, problem, headers, status, request);
  }

  /** A query parameter or header breaking its constraint: named, as a body field would be. */
  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> errors = FieldProblem.of(e);
    ProblemDetail problem = ProblemKind.VALIDATION.problem(FieldProblem.summary(errors));
    problem.setProperty("errors", errors);
    return handleExceptionInternal(e, problem, headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem = ProblemKind.VALIDATION.problem(UnreadableBody.describe(e));
    UnreadableBody.field(e)
        .ifPresent(f -> problem.setProperty("errors", List.of(FieldProblem.of(f, "wrong type"))));
    return handleExceptionInternal(e, problem, headers, status, request);
  }

  /** Every framework problem leaves with our type and title; the status is Spring's. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem =
        body instanceof ProblemDetail p
            ? p
            : e instanceof ErrorResponse framework
                ? framework.getBody()
                : ProblemDetail.forStatus(status);
    if (problem.getType() == null || !problem.getType().toString().startsWith("urn:lrcp:")) {
      ProblemKind kind = ProblemKind.forStatus(status);
      kind.describe(problem, problem.getDetail() == null ? kind.title() : problem.getDetail());
    }
    if (UnreadableBody.causedByTooLarge(e)) { // the limit tripped while a converter was reading
      status = HttpStatusCode.valueOf(413);
      ProblemKind.PAYLOAD_TOO_LARGE.describe(problem, rootMessage(e));
      problem.setStatus(413);
    }
    var slow = UnreadableBody.bodyTimeout(e); // the deadline passed while a converter was reading
    if (slow.isPresent()) {
      status = HttpStatusCode.valueOf(408);
      ProblemKind.REQUEST_TIMEOUT.describe(problem, slow.get().getReason());
      problem.setStatus(408);
    }
    return super.handleExceptionInternal(e, problem, headers, status, request);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t instanceof RequestTooLargeException ? t.getMessage() : "Request body too large";
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }
}
