package dev.lrcp.completion;

import dev.lrcp.llm.Message;
import java.util.List;
import java.util.Objects;

/**
 * One completion to run through the pipeline.
 *
 * @param endpoint public path, e.g. {@code /qa}
 * @param requestType {@code qa}, {@code reason}, {@code stress} or {@code chat}; selects the model
 * @param question the user's text as the model sees it (for /stress: the repeated prompt), without
 *     the document; scanned for injection and token abuse, and scored against
 * @param document retrieved context sent with the question, or null
 * @param messages what is sent to the model
 * @param requestedModel the model named in the request, or null
 */
public record Completion(
    String endpoint,
    String requestType,
    String question,
    String document,
    List<Message> messages,
    String requestedModel,
    CallContext context) {

  public Completion {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(requestType, "requestType");
    Objects.requireNonNull(question, "question");
    messages = List.copyOf(messages);
    context = context == null ? CallContext.NONE : context;
  }
}
