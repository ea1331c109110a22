package dev.lrcp.resilience;

import dev.lrcp.llm.Faults;
import dev.lrcp.llm.LlmClient;
import dev.lrcp.llm.LlmException;
import dev.lrcp.llm.LlmFailure;
import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.Message;
import dev.lrcp.llm.TokenCounter;
import dev.lrcp.llm.TokenUsage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Gives the public {@code simulate_*} toggles real effects on every provider, just above the
 * adapter (so inside the retry loop: an injected failure is retried for real).
 *
 * <ul>
 *   <li>{@code latency}: waits before each upstream attempt;
 *   <li>{@code retry}: the first attempt of a request fails with a retryable {@code UNAVAILABLE};
 *   <li>{@code badPrompt}: the call ends in a safety block without reaching the model;
 *   <li>{@code longContext}: the last user message is repeated, so tokens and cost really grow.
 * </ul>
 */
public final class FaultInjectingLlmClient implements LlmClient {

  private final LlmClient delegate;
  private final ResilienceProperties.FaultSettings settings;
  private final String provider;
  private final Sleeper sleeper;

  /** Requests whose first attempt already failed; weak, so finished requests are forgotten. */
  private final Set<LlmRequest> failedOnce =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  public FaultInjectingLlmClient(
      LlmClient delegate, ResilienceProperties.FaultSettings settings, String provider) {
    this(delegate, settings, provider, Sleeper.REAL);
  }

  FaultInjectingLlmClient(
      LlmClient delegate,
      ResilienceProperties.FaultSettings settings,
      String provider,
      Sleeper sleeper) {
    this.delegate = delegate;
    this.settings = settings;
    this.provider = provider;
    this.sleeper = sleeper;
  }

  @Override
  public LlmResponse generate(LlmRequest request) {
    Faults faults = request.faults();
    if (!faults.any()) {
      return delegate.generate(request);
    }
    if (faults.latency()) {
      delay(request);
    }
    if (faults.retry() && failedOnce.add(request)) {
      throw new LlmException(
          LlmFailure.UNAVAILABLE,
          request.model(),
          provider,
          "injected upstream failure (simulate_retry), first attempt only");
    }
    LlmRequest effective = faults.longContext() ? lengthen(request) : request;
    if (faults.badPrompt()) {
      var usage = new TokenUsage(TokenCounter.count(effective.promptText()), 0, 0);
      return LlmResponse.safetyBlocked(
          "PROHIBITED_CONTENT (simulate_bad_prompt)", request.model(), provider, usage);
    }
    return delegate.generate(effective);
  }

  private void delay(LlmRequest request) {
    try {
      sleeper.sleep(settings.latency());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LlmException(
          LlmFailure.TIMEOUT, request.model(), provider, "interrupted during injected latency", e);
    }
  }

  /** Repeats the last user message, capped so the prompt stays within a sane size. */
  LlmRequest lengthen(LlmRequest request) {
    var messages = new ArrayList<>(request.messages());
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i).role() == Message.Role.USER) {
        String content = messages.get(i).content();
        int room = Math.max(1, settings.longContextMaxChars() / Math.max(1, content.length() + 1));
        int times = Math.min(settings.longContextRepetitions(), room);
        String repeated = content + ("\n" + content).repeat(Math.max(0, times - 1));
        messages.set(i, new Message(Message.Role.USER, repeated));
        return request.withMessages(messages);
      }
    }
    return request;
  }
}
