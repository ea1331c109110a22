package dev.lrcp.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A query parameter that is not valid percent-encoded UTF-8: a 400 naming it. Spring's {@link
 * ErrorResponseException}, so every error handler (problems, the gateway's OpenAI shape) maps it.
 */
class MalformedQueryException extends ErrorResponseException {

  MalformedQueryException(String parameter) {
    super(
        HttpStatus.BAD_REQUEST,
        ProblemKind.VALIDATION.problem(
            "Query parameter '" + parameter + "' is not valid percent-encoded UTF-8"),
        null);
    getBody()
        .setProperty(
            "errors", List.of(FieldProblem.of(parameter, "is not valid percent-encoded UTF-8")));
  }
}
