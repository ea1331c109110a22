package dev.lrcp.gateway;

import dev.lrcp.gateway.ChatCompletionChunk.StreamHeader;
import dev.lrcp.llm.LlmException;
import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.LlmResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * OpenAI-compatible endpoints. Runs on the request's virtual thread and writes the response itself
 * (one JSON body, or server-sent events as deltas arrive) so nothing is buffered in between.
 */
@RestController
class GatewayController {

  /** Request attribute set by {@code dev.lrcp.web.AccessFilter}. */
  static final String CLIENT_IDENTITY = "dev.lrcp.web.ClientIdentity";

  private final ChatGateway gateway;
  private final ChatTranslator translator;
  private final GatewayProperties properties;
  private final JsonMapper json;

  GatewayController(
      ChatGateway gateway,
      ChatTranslator translator,
      GatewayProperties properties,
      JsonMapper json) {
    this.gateway = gateway;
    this.translator = translator;
    this.properties = properties;
    this.json = json;
  }

  @GetMapping("/v1/models")
  ModelList models() {
    return translator.models();
  }

  @PostMapping(ChatTranslator.ENDPOINT)
  void chat(
      @RequestBody ChatCompletionRequest body,
      HttpServletRequest http,
      HttpServletResponse response)
      throws IOException {
    String promptId = UUID.randomUUID().toString();
    var tags =
        properties.tags(
            http.getHeader("X-LRCP-Application"), http.getHeader("X-LRCP-Feature"), client(http));
    long created = translator.now();
    response.setHeader("X-Request-Id", promptId);
    if (body.streaming()) {
      var header = new StreamHeader(ChatTranslator.chatId(promptId), created, body.model());
      var sse = new SseWriter(response, json, header);
      stream(translator.toLlm(body, promptId, tags, sse), sse, body.includeUsage());
      return;
    }
    LlmRequest request = translator.toLlm(body, promptId, tags, null);
    LlmResponse answer = gateway.generate(request);
    byte[] bytes = json.writeValueAsBytes(translator.toCompletion(promptId, created, answer));
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
    gateway.scoreLater(request, answer);
  }

  /**
   * The caller as the service's access filter identified it ({@code key:<fingerprint>} or {@code
   * addr:<address>}); the same form when the filter is absent.
   */
  private static String client(HttpServletRequest http) {
    return http.getAttribute(CLIENT_IDENTITY) instanceof String identity
        ? identity
        : "addr:" + http.getRemoteAddr();
  }

  private void stream(LlmRequest request, SseWriter sse, boolean includeUsage) {
    LlmResponse answer;
    try {
      answer = gateway.generate(request);
    } catch (LlmException e) {
      if (!sse.started()) {
        throw e; // nothing sent yet: the client gets a real status code
      }
      failInBand(sse, e);
      return;
    } catch (CancellationException e) {
      return; // the client went away and the upstream call was abandoned with it
    }
    try {
      sse.complete(answer, includeUsage);
    } catch (CancellationException e) {
      // the client left after the last token: the answer was produced and still gets scored
    }
    gateway.scoreLater(request, answer);
  }

  private static void failInBand(SseWriter sse, LlmException e) {
    try {
      sse.fail(GatewayException.upstream(e));
    } catch (CancellationException gone) {
      // nobody left to tell
    }
  }
}
