package dev.lrcp.gateway;

import dev.lrcp.flow.AnswerStream;
import dev.lrcp.flow.CacheDirective;
import dev.lrcp.flow.CallRequest;
import dev.lrcp.flow.CallRequest.Scoring;
import dev.lrcp.flow.ReplyHeaders;
import dev.lrcp.gateway.ChatCompletionRequest.ChatMessage;
import dev.lrcp.llm.CallTags;
import dev.lrcp.llm.LlmRequest.GenerationOptions;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.Message;
import dev.lrcp.llm.Message.Role;
import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.quality.VisibleTextValidator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Translates the OpenAI wire format to the call flow's request and its answer back. */
@Component
class ChatTranslator {

  static final String ENDPOINT = "/v1/chat/completions";

  private final ModelCatalog catalog;
  private final Clock clock;

  ChatTranslator(ModelCatalog catalog, Clock clock) {
    this.catalog = catalog;
    this.clock = clock;
  }

  /** The {@code created} field: seconds since the epoch. */
  long now() {
    return clock.instant().getEpochSecond();
  }

  ModelList models() {
    return ModelList.of(catalog.all(), now());
  }

  /**
   * Validates the body (400 in the OpenAI shape) and builds the flow's request. {@code "model":
   * "auto"} leaves the choice to the router; an unknown model is the router's 404.
   *
   * @param stream where a streamed answer goes, or null for a whole one
   */
  CallRequest toCall(ChatCompletionRequest body, CallTags tags, AnswerStream stream) {
    return toCall(body, tags, stream, null, CacheDirective.DEFAULT);
  }

  /**
   * @param headers where the flow's stages put response headers
   * @param cache what the caller asked of the response cache
   */
  CallRequest toCall(
      ChatCompletionRequest body,
      CallTags tags,
      AnswerStream stream,
      ReplyHeaders headers,
      CacheDirective cache) {
    if (body.model() == null || body.model().isBlank()) {
      throw GatewayException.invalid("you must provide a model parameter", "model");
    }
    if (body.n() != null && body.n() != 1) {
      throw GatewayException.invalid("only n=1 is supported", "n");
    }
    List<Message> messages = messages(body);
    return new CallRequest(
        ENDPOINT,
        "chat",
        userText(messages),
        null,
        messages,
        body.model(),
        options(body),
        null,
        tags,
        stream,
        Scoring.LATER,
        headers,
        cache);
  }

  /** What the caller typed, scanned and scored against; system prompts are the application's. */
  private static String userText(List<Message> messages) {
    var text = new StringBuilder();
    for (Message m : messages) {
      if (m.role() == Role.USER) {
        text.append(text.isEmpty() ? "" : "\n").append(m.content());
      }
    }
    return text.toString();
  }

  ChatCompletion toCompletion(String promptId, long created, LlmResponse r) {
    return ChatCompletion.of(chatId(promptId), created, r.model(), r.text(), finishReason(r))
        .withUsage(Usage.of(r.usage()));
  }

  static String chatId(String promptId) {
    return "chatcmpl-" + promptId;
  }

  /** Provider finish reasons (Gemini {@code MAX_TOKENS}, {@code SAFETY}) in OpenAI's words. */
  static String finishReason(LlmResponse r) {
    if (r.safetyBlock()) {
      return "content_filter";
    }
    String reason = r.finishReason() == null ? "" : r.finishReason().toLowerCase(Locale.ROOT);
    return switch (reason) {
      case "length", "max_tokens" -> "length";
      case "content_filter", "safety", "recitation", "blocklist", "prohibited_content" ->
          "content_filter";
      default -> "stop";
    };
  }

  private static List<Message> messages(ChatCompletionRequest body) {
    if (body.messages() == null || body.messages().isEmpty()) {
      throw GatewayException.invalid("messages must be a non-empty array", "messages");
    }
    var out = new ArrayList<Message>(body.messages().size());
    for (int i = 0; i < body.messages().size(); i++) {
      ChatMessage m = body.messages().get(i);
      String param = "messages[" + i + "]";
      if (m == null) {
        throw GatewayException.invalid(param + " must be an object", param);
      }
      Role role = role(m.role(), param + ".role");
      String text = text(m.content(), param + ".content");
      if (role == Role.USER && !VisibleTextValidator.isVisible(text)) {
        // nothing a model, the scanner or the scorer could read: refused like a blank /qa question
        throw GatewayException.invalid(
            param + ".content must contain visible text", param + ".content");
      }
      out.add(new Message(role, text));
    }
    return out;
  }

  private static Role role(String role, String param) {
    return switch (role == null ? "" : role) {
      case "system", "developer" -> Role.SYSTEM;
      case "user" -> Role.USER;
      case "assistant" -> Role.ASSISTANT;
      default ->
          throw GatewayException.invalid(
              "unsupported role '" + role + "'; use system, developer, user or assistant", param);
    };
  }

  /** A string, or an array of text parts (what newer SDKs send); other part types are refused. */
  private static String text(JsonNode content, String param) {
    if (content != null && content.isString()) {
      return content.stringValue();
    }
    if (content == null || !content.isArray()) {
      throw GatewayException.invalid("content must be a string or an array of text parts", param);
    }
    var text = new StringBuilder();
    for (JsonNode part : content) {
      if (!"text".equals(part.path("type").asString(null)) || !part.path("text").isString()) {
        throw GatewayException.invalid("only text content parts are supported", param);
      }
      text.append(part.path("text").stringValue());
    }
    return text.toString();
  }

  private static GenerationOptions options(ChatCompletionRequest body) {
    Integer max =
        body.maxCompletionTokens() != null ? body.maxCompletionTokens() : body.maxTokens();
    if (max != null && max < 1) {
      throw GatewayException.invalid("max_tokens must be at least 1", "max_tokens");
    }
    Double temperature = body.temperature();
    if (temperature != null && (temperature < 0 || temperature > 2)) {
      throw GatewayException.invalid("temperature must be between 0 and 2", "temperature");
    }
    var defaults = GenerationOptions.DEFAULT;
    return new GenerationOptions(
        max == null ? defaults.maxOutputTokens() : max,
        temperature == null ? defaults.temperature() : temperature,
        body.wantsJson());
  }
}
