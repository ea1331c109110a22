package dev.lrcp.llm.openai;

import dev.lrcp.llm.LlmClient;
import dev.lrcp.llm.LlmException;
import dev.lrcp.llm.LlmFailure;
import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.StreamListener;
import dev.lrcp.llm.TokenCounter;
import dev.lrcp.llm.TokenUsage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Calls {@code POST {baseUrl}/chat/completions}. One shared JDK HttpClient (HTTP/1.1, pooled
 * keep-alive connections) serves every call. The timeout bounds a whole answer's exchange, body
 * included, so a server that stalls mid-body still ends in {@link LlmFailure#TIMEOUT}; a stream is
 * bounded by it until its response headers, and per delta by the resilience layer.
 */
public final class OpenAiClient implements LlmClient {

  public static final String PROVIDER = "openai";

  /**
   * Streams: deltas are written to our caller's socket, which may block, so never on the selector.
   */
  private final HttpClient http;

  /**
   * Whole answers: the body is read into a string and the waiting caller woken straight from the
   * client's selector thread, saving a hand-off to an executor thread per call.
   */
  private final HttpClient inline;

  private final URI endpoint;
  private final String authorization;
  private final Duration timeout;

  public OpenAiClient(URI baseUrl, String apiKey, Duration timeout) {
    String base = baseUrl.toString();
    this.endpoint = URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
    this.authorization = apiKey == null || apiKey.isBlank() ? null : "Bearer " + apiKey;
    this.timeout = timeout;
    this.http = client(timeout, Executors.newVirtualThreadPerTaskExecutor());
    this.inline = client(timeout, Runnable::run);
  }

  private static HttpClient client(Duration timeout, java.util.concurrent.Executor executor) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout)
        .executor(executor)
        .build();
  }

  @Override
  public LlmResponse generate(LlmRequest request) {
    boolean streaming = request.stream() != StreamListener.NONE;
    HttpRequest httpRequest = httpRequest(request, streaming);
    if (streaming) {
      var sse = new SseChatSubscriber(request.stream());
      HttpResponse<Void> response =
          exchange(
              http,
              request,
              httpRequest,
              BodyHandlers.fromLineSubscriber(sse, s -> null, "\n"),
              false);
      failOnStatus(request, response.statusCode(), "");
      if (sse.malformed() || sse.finishReason() == null) {
        throw failure(request, LlmFailure.MALFORMED_RESPONSE, "incomplete or malformed stream");
      }
      TokenUsage usage = sse.usage() != null ? sse.usage() : estimate(request, sse.text());
      return response(request, sse.text(), sse.finishReason(), usage);
    }
    HttpResponse<String> response =
        exchange(inline, request, httpRequest, BodyHandlers.ofString(), true);
    failOnStatus(request, response.statusCode(), response.body());
    return parse(request, response.body());
  }

  private HttpRequest httpRequest(LlmRequest request, boolean streaming) {
    var builder =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Accept", streaming ? "text/event-stream" : "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    ChatCompletionsJson.requestBody(request, streaming)));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder.build();
  }

  /**
   * @param whole true bounds the whole exchange by the timeout; a stream is bounded only until its
   *     response headers (the request timeout), since a long answer may keep streaming for minutes:
   *     the resilience layer's per-delta deadline (or the caller) interrupts a stalled one
   */
  private <T> HttpResponse<T> exchange(
      HttpClient client, LlmRequest request, HttpRequest req, BodyHandler<T> body, boolean whole) {
    CompletableFuture<HttpResponse<T>> future = client.sendAsync(req, body);
    try {
      return whole ? future.get(timeout.toMillis(), TimeUnit.MILLISECONDS) : future.get();
    } catch (TimeoutException e) {
      future.cancel(true);
      throw failure(request, LlmFailure.TIMEOUT, "no complete response within " + timeout);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw failure(request, LlmFailure.TIMEOUT, "call cancelled");
    } catch (ExecutionException e) {
      CancellationException gone = consumerGone(e.getCause());
      if (gone != null) {
        throw gone; // the stream listener's consumer left: not an upstream error (StreamListener)
      }
      throw transport(request, e.getCause());
    }
  }

  /** The listener's {@link CancellationException}, however the HTTP client wrapped it. */
  private static CancellationException consumerGone(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof CancellationException c) {
        return c;
      }
    }
    return null;
  }

  private LlmException transport(LlmRequest request, Throwable cause) {
    if (cause instanceof java.net.http.HttpTimeoutException) {
      return failure(request, LlmFailure.TIMEOUT, "upstream timed out");
    }
    if (cause instanceof IOException) {
      return new LlmException(
          LlmFailure.UNAVAILABLE, request.model(), PROVIDER, "upstream unreachable", cause);
    }
    return new LlmException(
        LlmFailure.UPSTREAM_ERROR, request.model(), PROVIDER, "upstream call failed", cause);
  }

  private void failOnStatus(LlmRequest request, int status, String body) {
    if (status / 100 != 2) {
      String detail = ChatCompletionsJson.errorMessage(body);
      throw failure(
          request,
          LlmFailure.fromHttpStatus(status),
          "HTTP " + status + (detail.isEmpty() ? "" : ": " + detail));
    }
  }

  private LlmResponse parse(LlmRequest request, String body) {
    try {
      JsonNode root = ChatCompletionsJson.MAPPER.readTree(body);
      JsonNode choice = root.path("choices").path(0);
      JsonNode content = choice.path("message").path("content");
      String finish = choice.path("finish_reason").asString("");
      if (choice.isMissingNode() || (!content.isString() && !"content_filter".equals(finish))) {
        throw failure(request, LlmFailure.MALFORMED_RESPONSE, "no choices[0].message.content");
      }
      String text = content.asString("");
      TokenUsage usage =
          root.path("usage").isObject()
              ? ChatCompletionsJson.usage(root.path("usage"))
              : estimate(request, text);
      return response(request, text, finish, usage);
    } catch (JacksonException e) {
      throw new LlmException(
          LlmFailure.MALFORMED_RESPONSE, request.model(), PROVIDER, "response is not JSON", e);
    }
  }

  private static LlmResponse response(
      LlmRequest request, String text, String finish, TokenUsage usage) {
    if ("content_filter".equals(finish)) {
      return LlmResponse.safetyBlocked("content_filter", request.model(), PROVIDER, usage);
    }
    return LlmResponse.of(text, request.model(), PROVIDER, usage, finish);
  }

  /** Servers that report no usage still cost something; count locally rather than bill zero. */
  private static TokenUsage estimate(LlmRequest request, String text) {
    return new TokenUsage(TokenCounter.count(request.promptText()), TokenCounter.count(text), 0);
  }

  private static LlmException failure(LlmRequest request, LlmFailure kind, String message) {
    return new LlmException(kind, request.model(), PROVIDER, message);
  }
}
