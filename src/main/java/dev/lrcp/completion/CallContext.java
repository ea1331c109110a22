package dev.lrcp.completion;

import dev.lrcp.flow.CacheDirective;
import dev.lrcp.flow.CallRequest;
import dev.lrcp.flow.ReplyHeaders;
import dev.lrcp.llm.CallTags;
import dev.lrcp.llm.Faults;
import dev.lrcp.llm.Message;
import java.util.List;

/**
 * Per-call settings that come from the transport rather than the body: the {@code simulate_*}
 * toggles, who is calling, what they asked of the cache, and where response headers go.
 */
public record CallContext(
    Faults faults, CallTags tags, ReplyHeaders headers, CacheDirective cache) {

  public static final CallContext NONE = new CallContext(Faults.NONE, CallTags.NONE);

  public CallContext {
    faults = faults == null ? Faults.NONE : faults;
    tags = tags == null ? CallTags.NONE : tags;
    headers = headers == null ? ReplyHeaders.NONE : headers;
    cache = cache == null ? CacheDirective.DEFAULT : cache;
  }

  public CallContext(Faults faults, CallTags tags) {
    this(faults, tags, null, null);
  }

  public CallContext withFaults(Faults other) {
    return new CallContext(other, tags, headers, cache);
  }

  /**
   * The flow's request for one of the original's endpoints: one user message, a whole answer,
   * scored before it is returned.
   *
   * @param question what is scanned and scored against (without the document)
   * @param document the context to ground against, or null
   * @param model the model the caller named, or null
   */
  public CallRequest request(
      String endpoint,
      String requestType,
      String question,
      String document,
      String prompt,
      String model) {
    return new CallRequest(
        endpoint,
        requestType,
        question,
        document,
        List.of(Message.user(prompt)),
        model,
        null,
        faults,
        tags,
        null,
        CallRequest.Scoring.NOW,
        headers,
        cache);
  }
}
