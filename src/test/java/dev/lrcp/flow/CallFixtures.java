package dev.lrcp.flow;

import dev.lrcp.llm.CallTags;
import dev.lrcp.llm.Faults;
import dev.lrcp.llm.Message;
import java.util.List;

/** Requests and calls for tests of the flow and of stages in other modules. */
public final class CallFixtures {

  private CallFixtures() {}

  /** A /qa request with a document, the retry toggle on, from client {@code key:abc}. */
  public static CallRequest qa(String model, CallRequest.Scoring scoring) {
    return new CallRequest(
        "/qa",
        "qa",
        "What?",
        "Doc.",
        List.of(Message.user("Q: What?\nContext: Doc.")),
        model,
        null,
        new Faults(false, true, false, false),
        new CallTags(null, null, "key:abc"),
        null,
        scoring,
        null,
        null);
  }

  /** A call as the flow starts it, for a stage under test. */
  public static Call call(CallRequest request) {
    return new Call(request, "p-test");
  }
}
