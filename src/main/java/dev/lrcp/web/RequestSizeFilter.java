package dev.lrcp.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies above {@code lrcp.max-request-size} with 413: at once when Content-Length says so,
 * and while reading for chunked bodies that declare no length.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class RequestSizeFilter extends OncePerRequestFilter {

  private final long limit;

  RequestSizeFilter(AccessProperties properties) {
    this.limit = properties.maxRequestSize().toBytes();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > limit) {
      ProblemWriter.write(
          response,
          ProblemKind.PAYLOAD_TOO_LARGE,
          new RequestTooLargeException(limit).getMessage(),
          request.getRequestURI());
      return;
    }
    chain.doFilter(new LimitedRequest(request, limit), response);
  }
}
