package dev.lrcp.flow;

import dev.lrcp.llm.CallTags;
import dev.lrcp.llm.Faults;
import dev.lrcp.llm.LlmRequest.GenerationOptions;
import dev.lrcp.llm.Message;
import java.util.List;
import java.util.Objects;

/**
 * One call as every entry point hands it to the {@link CallFlow}, whatever its wire format.
 *
 * @param endpoint public path, e.g. {@code /qa}
 * @param requestType {@code qa}, {@code reason}, {@code stress} or {@code chat}; selects the model
 *     when the request does not name one
 * @param question the user's text as the model sees it (for /stress the repeated prompt), without
 *     the document: what is scanned and what the answer is scored against
 * @param document retrieved context sent with the question, or null
 * @param messages what is sent to the model
 * @param model the model the caller named; null or {@value #AUTO} lets the router choose
 * @param stream receives the answer as it is generated; null for a whole answer
 * @param scoring score the answer before answering, or after, off the caller's thread
 * @param headers where stages put response headers for the caller
 * @param cache what the caller asked of the response cache
 */
public record CallRequest(
    String endpoint,
    String requestType,
    String question,
    String document,
    List<Message> messages,
    String model,
    GenerationOptions options,
    Faults faults,
    CallTags tags,
    AnswerStream stream,
    Scoring scoring,
    ReplyHeaders headers,
    CacheDirective cache) {

  /** The model name that asks the router to choose. */
  public static final String AUTO = "auto";

  /** When the answer is scored. */
  public enum Scoring {
    /** Before the answer is returned (the response carries the scores). */
    NOW,
    /** Off the caller's thread, best effort; the call's record waits for it. */
    LATER
  }

  public CallRequest {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(requestType, "requestType");
    Objects.requireNonNull(question, "question");
    messages = List.copyOf(messages);
    options = options == null ? GenerationOptions.DEFAULT : options;
    faults = faults == null ? Faults.NONE : faults;
    tags = tags == null ? CallTags.NONE : tags;
    scoring = scoring == null ? Scoring.NOW : scoring;
    headers = headers == null ? ReplyHeaders.NONE : headers;
    cache = cache == null ? CacheDirective.DEFAULT : cache;
  }

  /** True when the caller named a model rather than leaving the choice to the router. */
  public boolean namesModel() {
    return model != null && !model.isBlank() && !model.equals(AUTO);
  }

  /** Drill traffic: failures the caller asked for, or the token-explosion endpoint. */
  public boolean injected() {
    return faults.any() || requestType.equals("stress");
  }
}
