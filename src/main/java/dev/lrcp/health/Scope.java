package dev.lrcp.health;

/** A slice of traffic: an endpoint, a model, both, or neither (the whole service). */
public record Scope(String endpoint, String model) {

  public static final Scope SERVICE = new Scope(null, null);

  public static Scope endpoint(String endpoint) {
    return new Scope(endpoint, null);
  }

  public static Scope model(String model) {
    return new Scope(null, model);
  }

  boolean matches(String callEndpoint, String callModel) {
    return (endpoint == null || endpoint.equals(callEndpoint))
        && (model == null || model.equals(callModel));
  }

  /**
   * {@code service}, {@code endpoint:/qa}, {@code model:gemini-2.5-pro} or both joined by a comma.
   */
  public String label() {
    if (endpoint == null && model == null) {
      return "service";
    }
    if (model == null) {
      return "endpoint:" + endpoint;
    }
    return endpoint == null ? "model:" + model : "endpoint:" + endpoint + ",model:" + model;
  }
}
