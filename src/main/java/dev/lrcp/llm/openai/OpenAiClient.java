package dev.lrcp.llm.openai;

import dev.lrcp.llm.Deadlines;
import dev.lrcp.llm.Deadlines.Deadline;
import dev.lrcp.llm.LlmClient;
import dev.lrcp.llm.LlmException;
import dev.lrcp.llm.LlmFailure;
import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.RetryAfter;
import dev.lrcp.llm.StreamListener;
import dev.lrcp.llm.TokenCounter;
import dev.lrcp.llm.TokenUsage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Calls {@code POST {baseUrl}/chat/completions}. One shared JDK HttpClient (HTTP/1.1, pooled
 * keep-alive connections) serves every call, and runs its own work on its selector thread: a whole
 * answer wakes the waiting caller from there, and a stream's lines are queued there for the caller
 * to forward (it may block on its own client; the selector never does). The timeout bounds a whole
 * answer's exchange, body included, so a server that stalls mid-body still ends in {@link
 * LlmFailure#TIMEOUT}; a stream is bounded by it until its response headers, and per delta by the
 * resilience layer.
 */
public final class OpenAiClient implements LlmClient {

  public static final String PROVIDER = "openai";

  private final HttpClient http;
  private final URI endpoint;
  private final String authorization;
  private final Duration timeout;
  private final Deadlines deadlines;

  public OpenAiClient(URI baseUrl, String apiKey, Duration timeout, Deadlines deadlines) {
    String base = baseUrl.toString();
    this.endpoint = URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
    this.authorization = apiKey == null || apiKey.isBlank() ? null : "Bearer " + apiKey;
    this.timeout = timeout;
    this.deadlines = deadlines;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .executor(Runnable::run)
            .build();
  }

  @Override
  public LlmResponse generate(LlmRequest request) {
    if (request.stream() != StreamListener.NONE) {
      return stream(request);
    }
    CompletableFuture<HttpResponse<String>> future =
        http.sendAsync(httpRequest(request, false), BodyHandlers.ofString());
    HttpResponse<String> response = await(request, future, true);
    failOnStatus(request, response, response.body());
    return parse(request, response.body());
  }

  /**
   * Reads the stream's lines on this thread as the selector queues them; an error status's body is
   * read whole for its message instead of being forwarded.
   */
  private LlmResponse stream(LlmRequest request) {
    var lines = new StreamedLines();
    var sse = new SseChatReader(request.stream());
    var errorBody = new StringBuilder();
    CompletableFuture<HttpResponse<Void>> future =
        http.sendAsync(httpRequest(request, true), lines.handler());
    future.whenComplete((r, e) -> lines.end());
    try {
      for (String line = lines.take(); line != null; line = lines.take()) {
        if (lines.status() / 100 != 2) {
          errorBody.append(line).append('\n');
        } else if (!sse.line(line)) {
          lines.cancel();
          break;
        }
      }
    } catch (InterruptedException e) {
      lines.cancel();
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw failure(request, LlmFailure.TIMEOUT, "call cancelled");
    } catch (CancellationException gone) {
      lines.cancel();
      future.cancel(true);
      throw gone; // the listener's consumer left: not an upstream error (StreamListener)
    }
    if (sse.malformed()) {
      future.cancel(true);
      throw failure(request, LlmFailure.MALFORMED_RESPONSE, "incomplete or malformed stream");
    }
    HttpResponse<Void> response = await(request, future, false);
    failOnStatus(request, response, errorBody.toString());
    if (sse.finishReason() == null) {
      throw failure(request, LlmFailure.MALFORMED_RESPONSE, "incomplete or malformed stream");
    }
    TokenUsage usage = sse.usage() != null ? sse.usage() : estimate(request, sse.text());
    return response(request, sse.text(), sse.finishReason(), usage);
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
  private <T> HttpResponse<T> await(
      LlmRequest request, CompletableFuture<HttpResponse<T>> future, boolean whole) {
    var expired = new AtomicBoolean();
    Deadline deadline =
        whole
            ? deadlines.after(
                timeout,
                () -> {
                  expired.set(true);
                  future.cancel(true); // aborts the exchange
                })
            : Deadline.NONE;
    try {
      return future.get();
    } catch (CancellationException | ExecutionException e) {
      if (expired.get()) { // however the aborted exchange ended
        throw failure(request, LlmFailure.TIMEOUT, "no complete response within " + timeout);
      }
      if (e instanceof CancellationException gone) {
        throw gone;
      }
      throw transport(request, e.getCause());
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw failure(request, LlmFailure.TIMEOUT, "call cancelled");
    } finally {
      deadline.cancel();
    }
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

  private void failOnStatus(LlmRequest request, HttpResponse<?> response, String body) {
    int status = response.statusCode();
    if (status / 100 != 2) {
      String detail = ChatCompletionsJson.errorMessage(body);
      var headers = response.headers();
      throw failure(
              request,
              LlmFailure.fromHttpStatus(status),
              "HTTP " + status + (detail.isEmpty() ? "" : ": " + detail))
          .withRetryAfter(
              RetryAfter.fromHeaders(
                      headers.firstValue("retry-after-ms").orElse(null),
                      headers.firstValue("retry-after").orElse(null),
                      headers.firstValue("date").orElse(null))
                  .orElse(null));
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
