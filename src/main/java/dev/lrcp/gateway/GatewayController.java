package dev.lrcp.gateway;

import dev.lrcp.llm.PromptIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenAI-compatible endpoints on the service's main (servlet) port, for clients that want one
 * address for everything; the data plane ({@link DataPlaneServer}) serves the same calls with less
 * overhead. Runs on the request's virtual thread and writes the response itself.
 */
@RestController
class GatewayController {

  /** Request attribute set by {@code dev.lrcp.web.AccessFilter}. */
  static final String CLIENT_IDENTITY = "dev.lrcp.web.ClientIdentity";

  private final ChatGateway gateway;
  private final ChatTranslator translator;
  private final GatewayProperties properties;

  GatewayController(ChatGateway gateway, ChatTranslator translator, GatewayProperties properties) {
    this.gateway = gateway;
    this.translator = translator;
    this.properties = properties;
  }

  @GetMapping("/v1/models")
  ModelList models() {
    return translator.models();
  }

  @PostMapping(ChatTranslator.ENDPOINT)
  void chat(
      @RequestBody ChatCompletionRequest body,
      HttpServletRequest http,
      HttpServletResponse response) {
    String promptId = PromptIds.next();
    var tags =
        properties.tags(
            http.getHeader(GatewayProperties.APPLICATION_HEADER),
            http.getHeader(GatewayProperties.FEATURE_HEADER),
            client(http));
    gateway.chat(body, promptId, tags, new ServletReply(response, promptId));
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
}
