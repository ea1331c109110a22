package dev.lrcp.routing;

import java.util.List;

/**
 * The request named a routing policy or alias ({@code "model": "auto:<name>"}) that does not exist;
 * bad input, answered with 400.
 */
public class UnknownPolicyException extends RuntimeException {

  private final String name;
  private final List<String> known;

  UnknownPolicyException(String name, List<String> known) {
    super("unknown routing policy or alias: " + name);
    this.name = name;
    this.known = known.stream().sorted().toList();
  }

  public String name() {
    return name;
  }

  /** The policies and aliases that exist. */
  public List<String> known() {
    return known;
  }
}
