package dev.lrcp.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Safe by default: with no API keys only loopback clients are served (unless explicitly opened);
 * with keys every endpoint but health needs {@code Authorization: Bearer} or {@code X-API-Key}.
 * Health stays open so probes work from outside the host.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class AccessFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(AccessFilter.class);

  private final ApiKeys keys;
  private final boolean allowRemoteWithoutKeys;

  AccessFilter(AccessProperties properties) {
    this.keys = new ApiKeys(properties.apiKeys());
    this.allowRemoteWithoutKeys = properties.allowRemoteWithoutKeys();
    announce();
  }

  private void announce() {
    if (keys.enabled()) {
      log.info(
          "API key authentication is on ({} key(s)); health endpoints stay open", keys.count());
    } else if (allowRemoteWithoutKeys) {
      log.warn(
          "No API keys and LRCP_ALLOW_REMOTE_WITHOUT_KEYS=true: serving ANY client without"
              + " authentication");
    } else {
      log.info(
          "No API keys configured (LRCP_API_KEYS): serving loopback clients only; set"
              + " LRCP_API_KEYS, or LRCP_ALLOW_REMOTE_WITHOUT_KEYS=true, to serve other hosts");
    }
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
    if (keys.enabled()) {
      Optional<String> fingerprint = keys.match(presentedKey(request));
      if (fingerprint.isEmpty()) {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"lrcp\"");
        ProblemWriter.write(
            response,
            ProblemKind.UNAUTHORIZED,
            "Missing or invalid API key: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'",
            path);
        return;
      }
      request.setAttribute(ClientIdentity.ATTRIBUTE, "key:" + fingerprint.get());
    } else if (!allowRemoteWithoutKeys && !isLocal(request)) {
      ProblemWriter.write(
          response,
          ProblemKind.FORBIDDEN,
          "Only local clients are served while no API keys are configured; set LRCP_API_KEYS"
              + " (or LRCP_ALLOW_REMOTE_WITHOUT_KEYS=true)",
          path);
      return;
    } else {
      request.setAttribute(ClientIdentity.ATTRIBUTE, ClientIdentity.byAddress(request));
    }
    chain.doFilter(request, response);
  }

  /**
   * The Failure Theater's static files hold no data; the API calls the page makes are checked like
   * any other. Without this a browser could not even load the page that asks for the key.
   */
  static boolean isTheater(String path) {
    return path.equals("/theater") || path.startsWith("/theater/");
  }

  static boolean isHealth(String path) {
    return path.equals("/health")
        || path.equals("/actuator/health")
        || path.startsWith("/actuator/health/");
  }

  /**
   * Both ends of the connection must be loopback. The remote address alone can be rewritten from
   * {@code X-Forwarded-For} when forwarded headers are trusted (Boot turns that on in Kubernetes);
   * the local address of the socket cannot, and is not loopback for a connection from elsewhere.
   */
  static boolean isLocal(HttpServletRequest request) {
    return isLoopback(request.getRemoteAddr()) && isLoopback(request.getLocalAddr());
  }

  static boolean isLoopback(String address) {
    return address != null
        && (address.startsWith("127.")
            || address.equals("::1")
            || address.equals("0:0:0:0:0:0:0:1")
            || address.equals("[::1]"));
  }

  private static String presentedKey(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return authorization.substring(7).strip();
    }
    String apiKey = request.getHeader("X-API-Key");
    return apiKey == null ? null : apiKey.strip();
  }
}
