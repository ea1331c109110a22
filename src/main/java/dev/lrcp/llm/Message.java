package dev.lrcp.llm;

import java.util.Objects;

/** One chat message sent to a model. */
public record Message(Role role, String content) {

  public enum Role {
    SYSTEM,
    USER,
    ASSISTANT
  }

  public Message {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(content, "content");
  }

  public static Message user(String content) {
    return new Message(Role.USER, content);
  }
}
