package dev.lrcp.datadog;

import com.datadog.api.client.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The three calls the importer needs for one kind of asset: list existing ones (title to id),
 * create, update. Bodies are already rendered (references resolved).
 */
record AssetGateway(Lister lister, Creator creator, Updater updater) {

  interface Lister {
    Map<String, String> titlesToIds() throws ApiException;
  }

  interface Creator {
    String create(JsonNode body) throws ApiException;
  }

  interface Updater {
    void update(String id, JsonNode body) throws ApiException;
  }
}
