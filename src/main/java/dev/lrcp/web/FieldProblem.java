package dev.lrcp.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.validation.BindingResult;
import org.springframework.validation.method.MethodValidationResult;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.RequestParam;

/** One offending field or parameter, named as the client spells it. */
record FieldProblem(String field, String message) {

  static FieldProblem of(String field, String message) {
    return new FieldProblem(field, message);
  }

  static List<FieldProblem> of(BindingResult result) {
    return result.getFieldErrors().stream()
        .map(f -> of(snakeCase(f.getField()), String.valueOf(f.getDefaultMessage())))
        .sorted(Comparator.comparing(FieldProblem::field))
        .toList();
  }

  /** The parameters that broke a constraint, by the name the request uses. */
  static List<FieldProblem> of(MethodValidationResult result) {
    return result.getParameterValidationResults().stream()
        .flatMap(
            r ->
                r.getResolvableErrors().stream()
                    .map(e -> of(parameterName(r), String.valueOf(e.getDefaultMessage()))))
        .sorted(Comparator.comparing(FieldProblem::field))
        .toList();
  }

  private static String parameterName(ParameterValidationResult r) {
    RequestParam param = r.getMethodParameter().getParameterAnnotation(RequestParam.class);
    return param != null && !param.name().isEmpty()
        ? param.name()
        : String.valueOf(r.getMethodParameter().getParameterName());
  }

  static String summary(List<FieldProblem> errors) {
    return "Invalid request: "
        + String.join("; ", errors.stream().map(e -> e.field() + " " + e.message()).toList());
  }

  private static String snakeCase(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
