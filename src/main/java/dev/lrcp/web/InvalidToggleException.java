package dev.lrcp.web;

/** A {@code simulate_*} query parameter had a value that is not a boolean spelling we accept. */
class InvalidToggleException extends RuntimeException {

  private final String parameter;

  InvalidToggleException(String parameter) {
    super(parameter + " must be one of " + Toggles.ACCEPTED);
    this.parameter = parameter;
  }

  String parameter() {
    return parameter;
  }
}
