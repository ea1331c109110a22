package dev.lrcp.gateway;

import java.util.List;

/** A non-streamed chat completion ({@code "object": "chat.completion"}). */
record ChatCompletion(
    String id, String object, long created, String model, List<Choice> choices, Usage usage) {

  static ChatCompletion of(String id, long created, String model, String text, String finish) {
    return new ChatCompletion(
        id,
        "chat.completion",
        created,
        model,
        List.of(new Choice(0, new AssistantMessage("assistant", text), finish)),
        null);
  }

  ChatCompletion withUsage(Usage u) {
    return new ChatCompletion(id, object, created, model, choices, u);
  }

  record Choice(int index, AssistantMessage message, String finishReason) {}

  record AssistantMessage(String role, String content) {}
}
