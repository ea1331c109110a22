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
  public String phrase() {
    if (endpoint != null && model != null) {
      return "on " + endpoint + " with model " + model;
    } else if (endpoint != null) {
      return "on " + endpoint;
    } else if (model != null) {
      return "on model " + model;
    }
    return "across the service";
  }

  /**
   * The scope as terms of a Datadog log or span search, e.g. {@code @model:"gemini-2.5-pro"} with a
   * leading space per term; empty for the whole service.
   *
   * @param endpointKey the attribute holding the endpoint ({@code @endpoint} in logs)
   * @param modelKey the attribute holding the model
   */
  public String searchTerms(String endpointKey, String modelKey) {
    String terms = "";
    if (endpoint != null) {
      terms += " " + endpointKey + ":\"" + endpoint + "\"";
    }
    if (model != null) {
      terms += " " + modelKey + ":\"" + model + "\"";
    }
    return terms;
  }

  String key() {
    return Objects.toString(endpoint, "*") + "|" + Objects.toString(model, "*");
  }
}
