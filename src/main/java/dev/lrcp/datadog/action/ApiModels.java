package dev.lrcp.datadog.action;

import com.datadog.api.client.JSON;
import com.fasterxml.jackson.databind.JsonNode;

/** JSON built here (or shipped as an asset) as the client's request model. */
final class ApiModels {

  private ApiModels() {}

  static <T> T to(JsonNode body, Class<T> model) {
    try {
      return JSON.getDefault().getMapper().treeToValue(body, model);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // the tests check every body against the API's models, so this is our bug, not the caller's
      throw new IllegalStateException("body does not map to " + model.getSimpleName(), e);
    }
  }
}
