package dev.lrcp.routing;

/**
 * A routing API request that cannot be served: malformed ({@code 400}) or naming a scope or model
 * the service does not know ({@code 422}); {@link #field()} names the offending field or parameter
 * as the client spells it.
 */
public class RoutingRequestException extends RuntimeException {

  private final boolean unprocessable;
  private final String field;

  private RoutingRequestException(boolean unprocessable, String field, String message) {
    super(field + ": " + message);
    this.unprocessable = unprocessable;
    this.field = field;
  }

  static RoutingRequestException invalid(String field, String message) {
    return new RoutingRequestException(false, field, message);
  }

  static RoutingRequestException unknown(String field, String message) {
    return new RoutingRequestException(true, field, message);
  }

  /** True for an unknown scope or model (422), false for a malformed request (400). */
  public boolean unprocessable() {
    return unprocessable;
  }

  public String field() {
    return field;
  }
}
