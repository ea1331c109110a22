package dev.lrcp.gateway;

import dev.lrcp.llm.LlmClient;
import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.quality.AnswerScorer;
import dev.lrcp.quality.QualityScores;
import dev.lrcp.security.SecurityScanner;
import dev.lrcp.security.SecurityVerdict;
import dev.lrcp.web.AccessPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The gateway alone on a real server: its own beans plus a scripted port and recording signal
 * ports, so tests see exactly what the gateway sends to the model, the scanner and the scorer.
 * {@code @TestComponent} keeps the application's own component scan (in the full-context tests)
 * from picking it up.
 */
@TestComponent
@SpringBootConfiguration
@EnableAutoConfiguration(
    excludeName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"
    })
@EnableConfigurationProperties(GatewayProperties.class)
@Import({
  GatewayController.class,
  GatewayErrorHandler.class,
  ChatGateway.class,
  ChatTranslator.class,
  DataPlaneServer.class
})
class GatewayTestApp {

  static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  static final long MAX_REQUEST_BYTES = 64 * 1024;

  @Bean
  Clock clock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }

  /**
   * The service's access policy; {@code test.api-keys} turns key authentication on, {@code
   * test.head-timeout} shortens the request-head deadline.
   */
  @Bean
  AccessPolicy accessPolicy(
      @Value("${test.api-keys:}") List<String> keys,
      @Value("${test.head-timeout:20s}") Duration headTimeout) {
    return new AccessPolicy(keys, false, MAX_REQUEST_BYTES, headTimeout);
  }

  @Bean
  ModelCatalog modelCatalog() {
    return ModelCatalog.load();
  }

  @Bean
  ScriptedLlm llm() {
    return new ScriptedLlm();
  }

  @Bean
  Signals signals() {
    return new Signals();
  }

  /** The port, with a behaviour each test sets; records every request it received. */
  static final class ScriptedLlm implements LlmClient {
    final AtomicReference<LlmClient> behaviour = new AtomicReference<>();
    final List<LlmRequest> requests = new CopyOnWriteArrayList<>();

    @Override
    public LlmResponse generate(LlmRequest request) {
      requests.add(request);
      return behaviour.get().generate(request);
    }
  }

  /** Records scans and scoring hand-offs; {@code blockReason} makes the scanner refuse. */
  static final class Signals implements SecurityScanner, AnswerScorer {
    final List<String> scannedPrompts = new CopyOnWriteArrayList<>();
    final List<ScoringInput> scored = new CopyOnWriteArrayList<>();
    final AtomicReference<String> blockReason = new AtomicReference<>();

    @Override
    public SecurityVerdict scan(
        String promptId, String endpoint, String prompt, String document, String client) {
      scannedPrompts.add(endpoint + " " + prompt);
      return new SecurityVerdict(0.0, false, null, Set.of(), false, blockReason.get());
    }

    @Override
    public QualityScores score(ScoringInput input) {
      throw new AssertionError("the gateway must never score on the response path");
    }

    @Override
    public void scoreLater(ScoringInput input) {
      scored.add(input);
    }

    void reset() {
      scannedPrompts.clear();
      scored.clear();
      blockReason.set(null);
    }
  }
}
