package dev.lrcp.llm;

import java.util.List;

/** The request every adapter test sends, and how they read the failure kind of a call. */
public final class AdapterCalls {

  private AdapterCalls() {}

  public static LlmRequest request(String model) {
    return new LlmRequest(
        "p-1",
        "/qa",
        "qa",
        model,
        List.of(new Message(Message.Role.SYSTEM, "Be brief."), Message.user("What is Datadog?")),
        null,
        null,
        null,
        null);
  }

  public static LlmFailure failureOf(Runnable call) {
    return thrownBy(call).failure();
  }

  public static LlmException thrownBy(Runnable call) {
    try {
      call.run();
    } catch (LlmException e) {
      return e;
    }
    throw new AssertionError("expected an LlmException");
  }
}
