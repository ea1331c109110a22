package dev.lrcp.gateway;

import dev.lrcp.flow.CacheDirective;
import dev.lrcp.llm.CallTags;
import dev.lrcp.web.AccessPolicy;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the data plane does with one request, shared by every connection. Routing, the access check
 * and {@code /v1/models} run on the event loop (they never block); a chat call moves to its own
 * virtual thread, where parsing, the security scan, the model call and the telemetry run.
 */
final class DataPlaneRoutes {

  private static final Logger log = LoggerFactory.getLogger(DataPlaneRoutes.class);
  private static final String MODELS = "/v1/models";

  private final ChatGateway gateway;
  private final ChatTranslator translator;
  private final CallerTags callerTags;
  private final AccessPolicy access;
  private final JsonMapper json;
  private final ExecutorService calls;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final byte[] internalError;

  DataPlaneRoutes(
      ChatGateway gateway,
      ChatTranslator translator,
      CallerTags callerTags,
      AccessPolicy access,
      JsonMapper json,
      ExecutorService calls) {
    this.gateway = gateway;
    this.translator = translator;
    this.callerTags = callerTags;
    this.access = access;
    this.json = json;
    this.calls = calls;
    this.internalError = json.writeValueAsBytes(GatewayException.internal().body());
  }

  /** One decoded request, copied out of Netty's buffers. */
  record Call(
      HttpMethod method,
      String path,
      HttpVersion version,
      boolean keepAlive,
      HttpHeaders headers,
      byte[] body,
      String remoteAddress,
      String localAddress) {}

  /** On the event loop; the reply is answered now or by the call's virtual thread. */
  void serve(Call call, NettyReply reply) {
    boolean chat = call.path().equals(ChatTranslator.ENDPOINT);
    if (!chat && !call.path().equals(MODELS)) {
      gateway.fail(reply, GatewayException.unknownUrl(call.method().name(), call.path()));
      return;
    }
    HttpMethod expected = chat ? HttpMethod.POST : HttpMethod.GET;
    if (!call.method().equals(expected)) {
      gateway.fail(reply, GatewayException.methodNotAllowed(call.method().name(), call.path()));
      return;
    }
    HttpHeaders headers = call.headers();
    var decision =
        access.decide(
            call.path(),
            headers.get(HttpHeaderNames.AUTHORIZATION),
            headers.get("X-API-Key"),
            call.remoteAddress(),
            call.localAddress());
    switch (decision) {
      case AccessPolicy.Refused refused -> reply.refuse(refused);
      case AccessPolicy.Allowed allowed when chat -> chat(call, reply, allowed);
      case AccessPolicy.Allowed allowed ->
          reply.send(200, json.writeValueAsBytes(translator.models()));
    }
  }

  private void chat(Call call, NettyReply reply, AccessPolicy.Allowed client) {
    String contentType = call.headers().get(HttpHeaderNames.CONTENT_TYPE);
    if (!isJson(contentType)) {
      gateway.fail(reply, GatewayException.notJson(contentType));
      return;
    }
    inFlight.incrementAndGet();
    calls.execute(() -> run(call, reply, client));
  }

  private void run(Call call, NettyReply reply, AccessPolicy.Allowed client) {
    try {
      ChatCompletionRequest body = parse(call.body());
      if (body == null) {
        gateway.fail(reply, GatewayException.unreadable());
        return;
      }
      HttpHeaders headers = call.headers();
      var tags =
          callerTags.of(
              headers.get(GatewayProperties.APPLICATION_HEADER),
              headers.get(GatewayProperties.FEATURE_HEADER),
              new CallTags(client.application(), null, client.client(), client.key()));
      var cache =
          CacheDirective.of(
              headers.get(HttpHeaderNames.CACHE_CONTROL),
              headers.get(GatewayProperties.CACHE_HEADER));
      gateway.chat(body, tags, cache, reply);
    } catch (RuntimeException e) {
      log.error("gateway call failed", e);
    } finally {
      reply.finish(internalError);
      reply.afterLastWrite(inFlight::decrementAndGet);
    }
  }

  private ChatCompletionRequest parse(byte[] body) {
    try {
      return json.readValue(body, ChatCompletionRequest.class);
    } catch (JacksonException e) {
      return null;
    }
  }

  /** A request Netty could not decode (bad request line, oversized headers): 400, then close. */
  void malformed(NettyReply reply) {
    gateway.fail(reply, GatewayException.invalid("The HTTP request could not be parsed", null));
  }

  /** A request line naming an HTTP version other than 1.x: 505, then close. */
  void unsupportedVersion(NettyReply reply, HttpVersion version) {
    gateway.fail(reply, GatewayException.unsupportedVersion(version.text()));
  }

  /** Chat calls whose answer is not fully written yet, for a graceful stop. */
  int inFlight() {
    return inFlight.get();
  }

  /** {@code application/json} or any {@code +json} type, with or without parameters. */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
    return type.equalsIgnoreCase("application/json")
        || (type.regionMatches(true, 0, "application/", 0, 12) && type.endsWith("+json"));
  }
}
