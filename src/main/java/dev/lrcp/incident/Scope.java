package dev.lrcp.incident;

import dev.lrcp.flow.CallRecord;
import java.util.Objects;

/** What an incident is about: an endpoint, a model, both, or (both null) the whole service. */
public record Scope(String endpoint, String model) {

  public static final Scope SERVICE = new Scope(null, null);

  public static Scope endpoint(String endpoint) {
    return new Scope(endpoint, null);
  }

  public static Scope model(String model) {
    return new Scope(null, model);
  }

  boolean contains(CallRecord r) {
    return (endpoint == null || endpoint.equals(r.endpoint()))
        && (model == null || model.equals(r.model()));
  }

  /** "on /reason", "on model gemini-2.5-pro", "across the service". */
  String phrase() {
    if (endpoint != null && model != null) {
      return "on " + endpoint + " with model " + model;
    } else if (endpoint != null) {
      return "on " + endpoint;
    } else if (model != null) {
      return "on model " + model;
    }
    return "across the service";
  }

  String key() {
    return Objects.toString(endpoint, "*") + "|" + Objects.toString(model, "*");
  }
}
