package dev.lrcp.routing;

/** No active override has this id (never created, removed, or expired); answered with 404. */
public class OverrideNotFoundException extends RuntimeException {

  OverrideNotFoundException(String id) {
    super("no active routing override with id " + id);
  }
}
