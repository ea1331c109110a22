package dev.lrcp.llm.openai;

import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.Message;
import dev.lrcp.llm.TokenUsage;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The chat-completions wire format: request body out, tree reads in (no binding, cheap). */
final class ChatCompletionsJson {

  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private ChatCompletionsJson() {}

  static byte[] requestBody(LlmRequest request, boolean stream) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("model", request.model());
    var messages = body.putArray("messages");
    for (Message m : request.messages()) {
      messages
          .addObject()
          .put("role", m.role().name().toLowerCase(Locale.ROOT))
          .put("content", m.content());
    }
    body.put("max_tokens", request.options().maxOutputTokens());
    body.put("temperature", request.options().temperature());
    if (request.options().json()) {
      body.putObject("response_format").put("type", "json_object");
    }
    if (stream) {
      body.put("stream", true);
      // without this, streamed calls report no usage and cost nothing
      body.putObject("stream_options").put("include_usage", true);
    }
    return MAPPER.writeValueAsBytes(body);
  }

  /**
   * OpenAI counts reasoning tokens inside {@code completion_tokens}; we report them apart as
   * thinking so they are not billed twice.
   */
  static TokenUsage usage(JsonNode usage) {
    int prompt = usage.path("prompt_tokens").asInt(0);
    int completion = usage.path("completion_tokens").asInt(0);
    int reasoning = usage.path("completion_tokens_details").path("reasoning_tokens").asInt(0);
    reasoning = Math.min(reasoning, completion);
    return new TokenUsage(prompt, completion - reasoning, reasoning);
  }

  /** The error message a server put in its body, if any, cut short for logs and exceptions. */
  static String errorMessage(String body) {
    try {
      String message = MAPPER.readTree(body).path("error").path("message").asString("");
      return message.length() > 200 ? message.substring(0, 200) : message;
    } catch (RuntimeException e) {
      return "";
    }
  }
}
