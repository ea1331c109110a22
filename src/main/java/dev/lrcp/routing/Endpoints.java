package dev.lrcp.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The endpoints that call models, with the request type each routes by. */
final class Endpoints {

  /** The original's three, then the gateway. */
  static final List<String> ALL = List.of("/qa", "/reason", "/stress", "/v1/chat/completions");

  private static final Map<String, String> REQUEST_TYPES =
      Map.of("/qa", "qa", "/reason", "reason", "/stress", "stress", "/v1/chat/completions", "chat");

  private Endpoints() {}

  static Optional<String> requestType(String endpoint) {
    return Optional.ofNullable(REQUEST_TYPES.get(endpoint));
  }
}
