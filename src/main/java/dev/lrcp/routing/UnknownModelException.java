package dev.lrcp.routing;

import java.util.List;

/** The caller asked for a model the catalog does not know; bad input, answered with 422. */
public class UnknownModelException extends RuntimeException {

  private final String model;
  private final List<String> known;

  UnknownModelException(String model, List<String> known) {
    super("unknown model: " + model);
    this.model = model;
    this.known = known.stream().sorted().toList();
  }

  public String model() {
    return model;
  }

  public List<String> known() {
    return known;
  }
}
