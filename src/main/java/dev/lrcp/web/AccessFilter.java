package dev.lrcp.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the {@link AccessPolicy} to every servlet request. Health stays open so probes work from
 * outside the host, and the Theater's static files load without a key. Both ends of the connection
 * must be loopback for a keyless local call: the remote address alone can be rewritten from {@code
 * X-Forwarded-For} when forwarded headers are trusted (Boot turns that on in Kubernetes); the local
 * address of the socket cannot, and is not loopback for a connection from elsewhere.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class AccessFilter extends OncePerRequestFilter {

  private final AccessPolicy policy;

  AccessFilter(AccessPolicy policy) {
    this.policy = policy;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (isHealth(path) || isTheater(path)) {
      request.setAttribute(ClientIdentity.ATTRIBUTE, ClientIdentity.byAddress(request));
      chain.doFilter(request, response);
      return;
    }
    var decision =
        isAdmin(path)
            ? policy.decideAdmin(path, request.getHeader(HttpHeaders.AUTHORIZATION))
            : policy.decide(
                path,
                request.getHeader(HttpHeaders.AUTHORIZATION),
                request.getHeader("X-API-Key"),
                request.getRemoteAddr(),
                request.getLocalAddr());
    switch (decision) {
      case AccessPolicy.Allowed allowed -> {
        request.setAttribute(ClientIdentity.ATTRIBUTE, allowed);
        chain.doFilter(request, response);
      }
      case AccessPolicy.Refused refused -> ProblemWriter.write(response, refused);
    }
  }

  /**
   * The Failure Theater's static files hold no data; the API calls the page makes are checked like
   * any other. Without this a browser could not even load the page that asks for the key.
   */
  static boolean isTheater(String path) {
    return path.equals("/theater") || path.startsWith("/theater/");
  }

  /** The admin API answers to the admin key alone. */
  static boolean isAdmin(String path) {
    return path.equals("/admin") || path.startsWith("/admin/");
  }

  static boolean isHealth(String path) {
    return path.equals("/health")
        || path.equals("/actuator/health")
        || path.startsWith("/actuator/health/");
  }
}
