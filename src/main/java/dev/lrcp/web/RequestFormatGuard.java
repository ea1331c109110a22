package dev.lrcp.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses, before a handler runs, two request shapes the container and Spring trip over with an
 * exception of their own (a 500): a query string that is not percent-encoded UTF-8 (Tomcat fails
 * the first parameter read, whatever the name) and a body whose {@code Content-Type} is a wildcard
 * such as {@code *}{@code /*} (Spring cannot combine it with the request's character encoding).
 * Both leave as Spring's own exceptions, so each endpoint's error shape applies: a problem, or the
 * OpenAI error on {@code /v1}.
 */
final class RequestFormatGuard implements HandlerInterceptor {

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws HttpMediaTypeNotSupportedException {
    QueryString.firstMalformed(request.getQueryString())
        .ifPresent(
            name -> {
              throw new MalformedQueryException(name);
            });
    if (handler instanceof HandlerMethod method && readsBody(method)) {
      refuseWildcard(request);
    }
    return true;
  }

  private static boolean readsBody(HandlerMethod method) {
    return Arrays.stream(method.getMethodParameters())
        .anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
  }

  private static void refuseWildcard(HttpServletRequest request)
      throws HttpMediaTypeNotSupportedException {
    String header = request.getHeader(HttpHeaders.CONTENT_TYPE);
    if (header == null) {
      return;
    }
    MediaType type;
    try {
      type = MediaType.parseMediaType(header);
    } catch (InvalidMediaTypeException unparseable) {
      return; // Spring answers this one itself with a 415
    }
    if (type.isWildcardType() || type.isWildcardSubtype()) {
      throw new HttpMediaTypeNotSupportedException(
          type, List.of(MediaType.APPLICATION_JSON), HttpMethod.valueOf(request.getMethod()));
    }
  }
}
