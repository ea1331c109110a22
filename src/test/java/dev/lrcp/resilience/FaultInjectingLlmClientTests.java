package dev.lrcp.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.llm.Faults;
import dev.lrcp.llm.LlmClient;
import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.Message;
import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.llm.SharedDeadlines;
import dev.lrcp.llm.TokenCounter;
import dev.lrcp.llm.TokenUsage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultInjectingLlmClientTests {

  private static final ResilienceProperties.FaultSettings FAULTS =
      new ResilienceProperties.FaultSettings(Duration.ofMillis(2500), 20, 400_000);

  private final List<Duration> slept = Collections.synchronizedList(new ArrayList<>());
  private final List<LlmRequest> upstream = Collections.synchronizedList(new ArrayList<>());
  private final LlmClient adapter =
      r -> {
        upstream.add(r);
        return LlmResponse.of(
            "ok",
            r.model(),
            "test",
            new TokenUsage(TokenCounter.count(r.promptText()), 1, 0),
            "STOP");
      };

  private LlmClient injector(LlmClient delegate) {
    return new FaultInjectingLlmClient(delegate, FAULTS, "test", slept::add);
  }

  private static LlmRequest request(Faults faults) {
    return new LlmRequest(
        "p-1",
        "/reason",
        "reason",
        "gemini-2.5-flash",
        List.of(Message.user("Explain the cost of long prompts.")),
        null,
        faults,
        null,
        null);
  }

  @Test
  void withoutTogglesTheRequestPassesThroughUntouched() {
    LlmRequest request = request(Faults.NONE);
    injector(adapter).generate(request);
    assertThat(upstream).containsExactly(request);
    assertThat(slept).isEmpty();
  }

  @Test
  void simulateRetryFailsTheFirstAttemptAndTheRetryPolicyRecovers() {
    var settings = ResilientLlmClientTests.settings(3, Duration.ofSeconds(5), List.of());
    var resilient =
        new ResilientLlmClient(
            injector(adapter),
            settings,
            "test",
            SharedDeadlines.INSTANCE,
            new ModelBreakers(settings.breaker(), "test", e -> {}, Clock.systemUTC()),
            slept::add,
            new RetryBackoff(settings.backoff(), new java.util.SplittableRandom(1)));
    LlmResponse response = resilient.generate(request(new Faults(false, true, false, false)));
    assertThat(response.retryCount()).isEqualTo(1);
    assertThat(response.text()).isEqualTo("ok");
    assertThat(upstream).as("the retried attempt reached the adapter").hasSize(1);
    assertThat(slept).as("one real backoff").hasSize(1);
  }

  @Test
  void simulateLatencyAddsTheConfiguredDelayBeforeTheUpstreamCall() {
    injector(adapter).generate(request(new Faults(true, false, false, false)));
    assertThat(slept).containsExactly(Duration.ofMillis(2500));
    assertThat(upstream).hasSize(1);
  }

  @Test
  void simulateBadPromptEndsInASafetyBlockWithoutCallingTheModel() {
    LlmResponse response =
        injector(adapter).generate(request(new Faults(false, false, true, false)));
    assertThat(response.safetyBlock()).isTrue();
    assertThat(response.text()).startsWith("Response blocked due to safety policy");
    assertThat(response.usage().input()).isPositive();
    assertThat(upstream).isEmpty();
  }

  @Test
  void simulateLongContextReallyLengthensThePromptSoTokensAndCostGrow() {
    LlmResponse normal = injector(adapter).generate(request(Faults.NONE));
    LlmResponse longer = injector(adapter).generate(request(new Faults(false, false, false, true)));
    assertThat(upstream.get(1).promptText().length())
        .isGreaterThanOrEqualTo(20 * upstream.get(0).promptText().length());
    assertThat(longer.usage().input()).isGreaterThanOrEqualTo(19 * normal.usage().input());
    var catalog = ModelCatalog.load();
    assertThat(catalog.cost("gemini-2.5-flash", longer.usage()))
        .isGreaterThan(5 * catalog.cost("gemini-2.5-flash", normal.usage()));
  }

  @Test
  void longContextIsCappedByTheConfiguredSize() {
    var capped = new ResilienceProperties.FaultSettings(Duration.ZERO, 1000, 5_000);
    var client = new FaultInjectingLlmClient(adapter, capped, "test", slept::add);
    client.generate(request(new Faults(false, false, false, true)));
    assertThat(upstream.getFirst().promptText().length()).isLessThanOrEqualTo(5_000);
  }
}
