package dev.lrcp.routing;

/**
 * The request named a catalog model of another provider than the one configured ({@code
 * LRCP_PROVIDER}): the adapter cannot call it, so it is refused before any call (422) rather than
 * failing upstream.
 */
public class ModelNotServedException extends RuntimeException {

  private final String model;
  private final String modelProvider;
  private final String configuredProvider;

  ModelNotServedException(String model, String modelProvider, String configuredProvider) {
    super(
        "model "
            + model
            + " belongs to provider "
            + modelProvider
            + "; the configured provider (LRCP_PROVIDER) is "
            + configuredProvider);
    this.model = model;
    this.modelProvider = modelProvider;
    this.configuredProvider = configuredProvider;
  }

  public String model() {
    return model;
  }

  public String modelProvider() {
    return modelProvider;
  }

  public String configuredProvider() {
    return configuredProvider;
  }
}
