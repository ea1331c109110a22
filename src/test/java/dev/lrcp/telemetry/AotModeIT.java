package dev.lrcp.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service in Spring's AOT mode, the form scripts/run.sh starts (docs/adr/0015): its
 * bean definitions were generated at build time with the embedded defaults, so this checks that
 * settings given only at run time (another provider, ports, storage) still take effect. Lives here
 * for the packaged-service harness it shares with {@link TelemetryAgentIT}.
 */
class AotModeIT {

  @Test
  void servesWithRunTimeSettingsFromBeanDefinitionsGeneratedAtBuildTime(@TempDir Path work)
      throws Exception {
    try (var upstream = FakeChatCompletions.start();
        var service =
            ServiceProcess.start(
                List.of("-Dspring.aot.enabled=true"),
                Map.of(
                    "LRCP_PROVIDER",
                    "openai",
                    "LRCP_OPENAI_BASE_URL",
                    upstream.baseUrl(),
                    "DD_AGENT_HOST",
                    "127.0.0.1",
                    "DD_DOGSTATSD_PORT",
                    String.valueOf(ServiceProcess.freePort())),
                work)) {
      service.awaitReady(Duration.ofMinutes(3));

      assertThat(service.output()).contains("Starting AOT-processed");
      var qa =
          service.postJson(
              "/qa",
              """
              {"question":"Which city is the capital?","document":"Paris is the capital of France.",
               "model":"gpt-4o-mini"}""");
      assertThat(qa.statusCode()).as(qa.body()).isEqualTo(200);
      assertThat(qa.body()).contains("\"provider\":\"openai\"");
      var chat =
          service.postGateway(
              "/v1/chat/completions",
              """
              {"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hello!"}]}""");
      assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
      assertThat(chat.body()).contains("Paris is the capital.");
      var refused = service.postJson("/qa", "{\"question\":\"\"}");
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(refused.body()).contains("\"field\":\"question\"");
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
  }
}
