package dev.lrcp.datadog.action;

import static dev.lrcp.datadog.action.DatadogCall.call;

import com.datadog.api.client.v1.api.NotebooksApi;
import com.datadog.api.client.v1.model.NotebookCreateRequest;
import com.datadog.api.client.v1.model.NotebookUpdateRequest;
import com.datadog.api.client.v1.model.NotebooksResponseData;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Creates a notebook, or updates in place the one whose name starts the same way, so asking twice
 * for the same incident's notebook gives one notebook.
 */
final class NotebookPublisher {

  private final DatadogApis apis;

  NotebookPublisher(DatadogApis apis) {
    this.apis = apis;
  }

  Published publish(String namePrefix, ObjectNode body) {
    var api = new NotebooksApi(apis.api());
    Optional<Long> existing = find(api, namePrefix);
    long id;
    if (existing.isPresent()) {
      id = existing.get();
      call(
          "update the notebook",
          () -> api.updateNotebook(id, ApiModels.to(body, NotebookUpdateRequest.class)));
    } else {
      id =
          call(
              "create the notebook",
              () ->
                  api.createNotebook(ApiModels.to(body, NotebookCreateRequest.class))
                      .getData()
                      .getId());
    }
    String name = body.at("/data/attributes/name").asText();
    return new Published(
        id,
        name,
        apis.account().appUrl() + "/notebook/" + id,
        existing.isEmpty(),
        body.at("/data/attributes/cells").size());
  }

  private static Optional<Long> find(NotebooksApi api, String namePrefix) {
    var query =
        new NotebooksApi.ListNotebooksOptionalParameters()
            .query(namePrefix)
            .includeCells(false)
            .count(100L);
    var found = call("look for an existing notebook", () -> api.listNotebooks(query).getData());
    return found == null
        ? Optional.empty()
        : found.stream()
            .filter(n -> n.getAttributes().getName().startsWith(namePrefix))
            .map(NotebooksResponseData::getId)
            .findFirst();
  }

  /**
   * @param created false when an existing notebook was updated
   */
  record Published(long notebookId, String name, String url, boolean created, int cells) {}
}
