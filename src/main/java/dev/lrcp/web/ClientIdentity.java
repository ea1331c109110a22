package dev.lrcp.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who is calling, as set by {@link AccessFilter}: the {@link AccessPolicy.Allowed} decision ({@code
 * key:<fingerprint>} with a static key, {@code vkey:<id>} with a virtual one, else {@code
 * addr:<remote address>}). Used for per-client accounting and admission, never as a metric tag.
 */
final class ClientIdentity {

  /** Request attribute name, read only by this package. */
  static final String ATTRIBUTE = ClientIdentity.class.getName();

  private ClientIdentity() {}

  static AccessPolicy.Allowed of(HttpServletRequest request) {
    Object identity = request.getAttribute(ATTRIBUTE);
    return identity instanceof AccessPolicy.Allowed allowed ? allowed : byAddress(request);
  }

  static AccessPolicy.Allowed byAddress(HttpServletRequest request) {
    return new AccessPolicy.Allowed("addr:" + request.getRemoteAddr());
  }
}
