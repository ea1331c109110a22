package dev.lrcp.resilience;

import dev.lrcp.llm.LlmClient;
import dev.lrcp.llm.LlmException;
import dev.lrcp.llm.LlmFailure;
import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.LlmResponse;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

/**
 * Bounds one attempt in time. The attempt runs on its own virtual thread so the caller can give up
 * at the deadline; the attempt is then interrupted, which ends sleeps and JDK HTTP exchanges.
 */
final class AttemptTimer {

  private static final ExecutorService ATTEMPTS = Executors.newVirtualThreadPerTaskExecutor();

  private final TimeLimiter limiter;
  private final Duration timeout;
  private final String provider;

  AttemptTimer(Duration timeout, String provider) {
    this.timeout = timeout;
    this.provider = provider;
    this.limiter =
        TimeLimiter.of(
            TimeLimiterConfig.custom().timeoutDuration(timeout).cancelRunningFuture(true).build());
  }

  LlmResponse call(LlmClient delegate, LlmRequest request) {
    try {
      return limiter.executeFutureSupplier(() -> ATTEMPTS.submit(() -> delegate.generate(request)));
    } catch (TimeoutException e) {
      throw new LlmException(
          LlmFailure.TIMEOUT, request.model(), provider, "no answer within " + timeout, e);
    } catch (ExecutionException e) {
      throw unwrap(request, provider, e.getCause());
    } catch (LlmException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LlmException(
          LlmFailure.TIMEOUT, request.model(), provider, "caller interrupted", e);
    } catch (Exception e) {
      throw unwrap(request, provider, e);
    }
  }

  /** A non-LlmException from below is a defect there; report it as an upstream error, not a 500. */
  private static LlmException unwrap(LlmRequest request, String provider, Throwable cause) {
    if (cause instanceof LlmException e) {
      return e;
    }
    return new LlmException(
        LlmFailure.UPSTREAM_ERROR, request.model(), provider, "provider call failed", cause);
  }
}
