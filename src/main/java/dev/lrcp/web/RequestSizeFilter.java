package dev.lrcp.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies above {@code lrcp.max-request-size} with 413: at once when Content-Length says so,
 * and while reading for chunked bodies that declare no length. The evaluation endpoints over
 * supplied series take up to {@link #SERIES_LIMIT} (or the general limit if larger): 25,000
 * timestamped points are about 1.4 MB of JSON.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class RequestSizeFilter extends OncePerRequestFilter {

  static final DataSize SERIES_LIMIT = DataSize.ofMegabytes(8);
  static final Set<String> SERIES_PATHS =
      Set.of("/insights/forecast", "/insights/anomalies", "/quality/drift");

  private final long limit;
  private final long seriesLimit;

  RequestSizeFilter(AccessProperties properties) {
    this.limit = properties.maxRequestSize().toBytes();
    this.seriesLimit = Math.max(limit, SERIES_LIMIT.toBytes());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = SERIES_PATHS.contains(request.getRequestURI()) ? seriesLimit : this.limit;
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
