package dev.lrcp.web;

import dev.lrcp.admission.KeyDirectory;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may call the service, whatever the transport (the servlet filter and the gateway's data plane
 * ask the same questions): with no API keys only loopback clients are served (unless explicitly
 * opened); with keys (static ones from {@code LRCP_API_KEYS}, or virtual ones, which exist once
 * {@code LRCP_ADMIN_KEY} is set) every call needs {@code Authorization: Bearer} or {@code
 * X-API-Key}. The admin API takes the admin key only. Paths that stay open (health, the static
 * Theater) are the servlet filter's concern.
 */
public final class AccessPolicy {

  private static final Logger log = LoggerFactory.getLogger(AccessPolicy.class);

  private final ApiKeys keys;
  private final boolean allowRemoteWithoutKeys;
  private final long maxRequestBytes;
  private final Duration requestHeadTimeout;
  private final byte[] adminKey;
  private final KeyDirectory virtualKeys;

  /**
   * @param apiKeys {@code LRCP_API_KEYS}; empty serves loopback clients only
   * @param allowRemoteWithoutKeys {@code LRCP_ALLOW_REMOTE_WITHOUT_KEYS}
   * @param maxRequestBytes {@code LRCP_MAX_REQUEST_SIZE} in bytes
   * @param requestHeadTimeout {@code LRCP_REQUEST_HEAD_TIMEOUT}
   */
  public AccessPolicy(
      List<String> apiKeys,
      boolean allowRemoteWithoutKeys,
      long maxRequestBytes,
      Duration requestHeadTimeout) {
    this(apiKeys, allowRemoteWithoutKeys, maxRequestBytes, requestHeadTimeout, null, null);
  }

  /**
   * @param adminKey {@code LRCP_ADMIN_KEY}, or null: no admin API and no virtual keys
   * @param virtualKeys the virtual keys, or null where admission is not part of the context
   */
  public AccessPolicy(
      List<String> apiKeys,
      boolean allowRemoteWithoutKeys,
      long maxRequestBytes,
      Duration requestHeadTimeout,
      String adminKey,
      KeyDirectory virtualKeys) {
    this.keys = new ApiKeys(apiKeys);
    this.allowRemoteWithoutKeys = allowRemoteWithoutKeys;
    this.maxRequestBytes = maxRequestBytes;
    this.requestHeadTimeout = requestHeadTimeout;
    this.adminKey = adminKey == null ? null : ApiKeys.sha256(adminKey);
    this.virtualKeys = adminKey == null ? null : virtualKeys;
  }

  static AccessPolicy of(AccessProperties properties) {
    return of(properties, null);
  }

  static AccessPolicy of(AccessProperties properties, KeyDirectory virtualKeys) {
    return new AccessPolicy(
        properties.apiKeys(),
        properties.allowRemoteWithoutKeys(),
        properties.maxRequestSize().toBytes(),
        properties.requestHeadTimeout(),
        properties.adminKey(),
        virtualKeys);
  }

  /** What a caller is let do: served as {@code client}, or refused with a problem. */
  public sealed interface Decision permits Allowed, Refused {}

  /**
   * @param client {@code key:<fingerprint>} with a static key, {@code vkey:<id>} with a virtual
   *     key, else {@code addr:<remote address>}
   * @param key the virtual key's id, else null
   * @param application the virtual key's application, else null
   */
  public record Allowed(String client, String key, String application) implements Decision {

    public Allowed(String client) {
      this(client, null, null);
    }
  }

  /** A refusal, already rendered: status, optional {@code WWW-Authenticate}, problem+json body. */
  public record Refused(int status, String wwwAuthenticate, byte[] problem) implements Decision {}

  /**
   * @param authorization the {@code Authorization} header, or null
   * @param apiKey the {@code X-API-Key} header, or null
   * @param remoteAddress the peer's address as the server sees it
   * @param localAddress the address the connection arrived on (cannot be forwarded-header spoofed)
   */
  public Decision decide(
      String path, String authorization, String apiKey, String remoteAddress, String localAddress) {
    if (keysEnabled()) {
      String presented = presentedKey(authorization, apiKey);
      if (virtualKeys != null && KeyDirectory.isVirtual(presented)) {
        return virtual(presented, path);
      }
      byte[] digest = presented == null || presented.isEmpty() ? null : ApiKeys.sha256(presented);
      if (digest != null && adminKey != null && MessageDigest.isEqual(adminKey, digest)) {
        return new Allowed("admin"); // the operator's key opens every endpoint
      }
      Optional<String> fingerprint = digest == null ? Optional.empty() : keys.match(digest);
      if (fingerprint.isEmpty()) {
        return refuse(
            ProblemKind.UNAUTHORIZED,
            "Bearer realm=\"lrcp\"",
            "Missing or invalid API key: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'",
            path);
      }
      return new Allowed("key:" + fingerprint.get());
    }
    if (!allowRemoteWithoutKeys && !(isLoopback(remoteAddress) && isLoopback(localAddress))) {
      return refuse(
          ProblemKind.FORBIDDEN,
          null,
          "Only local clients are served while no API keys are configured; set LRCP_API_KEYS"
              + " (or LRCP_ALLOW_REMOTE_WITHOUT_KEYS=true)",
          path);
    }
    return new Allowed("addr:" + remoteAddress);
  }

  /** The admin API's check: {@code Authorization: Bearer <LRCP_ADMIN_KEY>}, nothing else. */
  public Decision decideAdmin(String path, String authorization) {
    if (adminKey == null) {
      return refuse(
          ProblemKind.UNAUTHORIZED,
          "Bearer realm=\"lrcp-admin\"",
          "The admin API is off: set LRCP_ADMIN_KEY to use it",
          path);
    }
    String presented = presentedKey(authorization, null);
    if (presented == null || !MessageDigest.isEqual(adminKey, ApiKeys.sha256(presented))) {
      return refuse(
          ProblemKind.UNAUTHORIZED,
          "Bearer realm=\"lrcp-admin\"",
          "Missing or invalid admin key: send 'Authorization: Bearer <LRCP_ADMIN_KEY>'",
          path);
    }
    return new Allowed("admin");
  }

  private boolean isAdminKey(String presented) {
    return adminKey != null
        && presented != null
        && MessageDigest.isEqual(adminKey, ApiKeys.sha256(presented));
  }

  private boolean keysEnabled() {
    return keys.enabled() || virtualKeys != null;
  }

  private Decision virtual(String presented, String path) {
    return switch (virtualKeys.authenticate(presented)) {
      case KeyDirectory.Valid valid ->
          new Allowed("vkey:" + valid.id(), valid.id(), valid.application());
      case KeyDirectory.Rejected rejected ->
          refuse(ProblemKind.UNAUTHORIZED, "Bearer realm=\"lrcp\"", rejected.reason(), path);
    };
  }

  /** {@code lrcp.max-request-size} in bytes: larger bodies get {@link #tooLarge}. */
  public long maxRequestBytes() {
    return maxRequestBytes;
  }

  /**
   * {@code lrcp.request-head-timeout}: how long a client may take, from the first byte of a
   * request, to send its request line and headers before its connection is closed.
   */
  public Duration requestHeadTimeout() {
    return requestHeadTimeout;
  }

  /** The 413 for a body above {@link #maxRequestBytes()}. */
  public Refused tooLarge(String path) {
    return refuse(
        ProblemKind.PAYLOAD_TOO_LARGE,
        null,
        new RequestTooLargeException(maxRequestBytes).getMessage(),
        path);
  }

  void announce() {
    if (keysEnabled()) {
      log.info(
          "API key authentication is on ({} static key(s){}); health endpoints stay open",
          keys.count(),
          virtualKeys == null ? "" : ", virtual keys and the admin API");
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

  static boolean isLoopback(String address) {
    return address != null
        && (address.startsWith("127.")
            || address.equals("::1")
            || address.equals("0:0:0:0:0:0:0:1")
            || address.equals("[::1]"));
  }

  private static Refused refuse(
      ProblemKind kind, String wwwAuthenticate, String detail, String path) {
    return new Refused(kind.status(), wwwAuthenticate, ProblemWriter.bytes(kind, detail, path));
  }

  private static String presentedKey(String authorization, String apiKey) {
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return authorization.substring(7).strip();
    }
    return apiKey == null ? null : apiKey.strip();
  }
}
