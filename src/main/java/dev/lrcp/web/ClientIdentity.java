package dev.lrcp.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who is calling, as set by {@link AccessFilter}: {@code key:<fingerprint>} with API keys, else
 * {@code addr:<remote address>}. Used for per-client accounting, never as a metric tag.
 */
final class ClientIdentity {

  /** Request attribute name, read only by this package. */
  static final String ATTRIBUTE = ClientIdentity.class.getName();

  private ClientIdentity() {}

  static String of(HttpServletRequest request) {
    Object identity = request.getAttribute(ATTRIBUTE);
    return identity instanceof String s ? s : byAddress(request);
  }

  static String byAddress(HttpServletRequest request) {
    return "addr:" + request.getRemoteAddr();
  }
}
