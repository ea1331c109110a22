package dev.lrcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.llm.Faults;
import dev.lrcp.llm.LlmClient;
import dev.lrcp.llm.LlmProperties;
import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.Message;
import dev.lrcp.llm.simulated.SimulatedClient;
import dev.lrcp.resilience.ResilienceProperties;
import dev.lrcp.resilience.ResilientLlmClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The composed client chain in a small Spring context, on the simulated provider. */
class LlmClientWiringTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(Properties.class, LlmClientWiring.class, llmConfiguration())
          .withPropertyValues(
              "lrcp.simulated.latency-scale=0", "lrcp.resilience.faults.latency=0ms");

  @Test
  void exposesTheResilientChainAsThePrimaryClient() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(LlmClient.class)).isInstanceOf(ResilientLlmClient.class);
          assertThat(context.getBean("providerLlmClient")).isInstanceOf(SimulatedClient.class);
          assertThat(context.getBean(java.time.Clock.class)).isNotNull();
        });
  }

  @Test
  void anInjectedRetryIsRetriedForReal() {
    runner.run(
        context -> {
          LlmResponse response =
              context
                  .getBean(LlmClient.class)
                  .generate(request(new Faults(false, true, false, false)));
          assertThat(response.retryCount()).isEqualTo(1);
          assertThat(response.provider()).isEqualTo("simulated");
        });
  }

  @Test
  void geminiWithoutSettingsStopsStartUpWithAClearMessage() {
    runner
        .withPropertyValues("lrcp.provider=gemini")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("LRCP_GEMINI_API_KEY"));
  }

  private static LlmRequest request(Faults faults) {
    return new LlmRequest(
        "w-1",
        "/qa",
        "qa",
        "gemini-2.5-flash",
        List.of(
            Message.user("Q: What is Datadog?\nContext: Datadog is an observability platform.")),
        null,
        faults,
        null,
        null);
  }

  private static Class<?> llmConfiguration() {
    try {
      return Class.forName("dev.lrcp.llm.LlmConfiguration");
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties({LlmProperties.class, ResilienceProperties.class})
  static class Properties {}
}
