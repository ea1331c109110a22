package dev.lrcp.gateway;

import dev.lrcp.flow.CacheDirective;
import dev.lrcp.llm.CallTags;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenAI-compatible endpoints on the service's main (servlet) port, for clients that want one
 * address for everything; the data plane ({@link DataPlaneServer}) serves the same calls with less
 * overhead. Runs on the request's virtual thread and writes the response itself; the caller is the
 * one the service's access check identified.
 */
@RestController
class GatewayController {

  private final ChatGateway gateway;
  private final ChatTranslator translator;
  private final CallerTags callerTags;

  GatewayController(ChatGateway gateway, ChatTranslator translator, CallerTags callerTags) {
    this.gateway = gateway;
    this.translator = translator;
    this.callerTags = callerTags;
  }

  @GetMapping("/v1/models")
  ModelList models() {
    return translator.models();
  }

  @PostMapping(ChatTranslator.ENDPOINT)
  void chat(
      @RequestBody ChatCompletionRequest body,
      CallTags caller,
      HttpServletRequest http,
      HttpServletResponse response) {
    var tags =
        callerTags.of(
            http.getHeader(GatewayProperties.APPLICATION_HEADER),
            http.getHeader(GatewayProperties.FEATURE_HEADER),
            caller);
    var cache =
        CacheDirective.of(
            http.getHeader(HttpHeaders.CACHE_CONTROL),
            http.getHeader(GatewayProperties.CACHE_HEADER));
    gateway.chat(body, tags, cache, new ServletReply(response));
  }
}
