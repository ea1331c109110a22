package dev.lrcp.gateway;

import dev.lrcp.flow.CallFlow;
import dev.lrcp.flow.CallRecord;
import dev.lrcp.flow.CallStage;
import dev.lrcp.health.HealthScoreCalculator;
import dev.lrcp.health.HealthWindows;
import dev.lrcp.health.RecentCalls;
import dev.lrcp.health.StatusCaps;
import dev.lrcp.llm.Deadlines;
import dev.lrcp.llm.LlmClient;
import dev.lrcp.llm.LlmProperties;
import dev.lrcp.llm.LlmRequest;
import dev.lrcp.llm.LlmResponse;
import dev.lrcp.llm.ModelCatalog;
import dev.lrcp.quality.AnswerScorer;
import dev.lrcp.quality.QualityScores;
import dev.lrcp.routing.Applications;
import dev.lrcp.routing.ModelChoices;
import dev.lrcp.routing.ModelRouter;
import dev.lrcp.routing.Overrides;
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
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

/**
 * The gateway on a real server with the real call flow and its routing, scan and score stages, over
 * a scripted model port and recording scanner and scorer, so tests see exactly what reaches the
 * model, the scanner and the scorer, and every call's record. Routing reads its overrides from an
 * in-memory database and its statistics from the health windows, as in the service.
 * {@code @TestComponent} keeps the application's own component scan (in the full-context tests)
 * from picking it up.
 */
@TestComponent
@SpringBootConfiguration
@EnableAutoConfiguration(
    excludeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties(GatewayProperties.class)
@ConfigurationPropertiesScan(
    basePackageClasses = {ModelRouter.class, HealthWindows.class, LlmProperties.class})
@ComponentScan(
    useDefaultFilters = false,
    basePackageClasses = {
      CallFlow.class,
      ModelRouter.class,
      HealthWindows.class,
      SecurityScanner.class,
      AnswerScorer.class
    },
    includeFilters = {
      @ComponentScan.Filter(
          type = FilterType.ASSIGNABLE_TYPE,
          classes = {
            CallFlow.class,
            CallStage.class,
            ModelRouter.class,
            Overrides.class,
            ModelChoices.class,
            Applications.class,
            HealthWindows.class,
            RecentCalls.class,
            HealthScoreCalculator.class,
            StatusCaps.class
          }),
      // routing's own package-private collaborators
      @ComponentScan.Filter(
          type = FilterType.REGEX,
          pattern = "dev\\.lrcp\\.routing\\.(RoutingPolicies|OverrideStore|ModelChoiceStore)")
    })
@Import({
  GatewayController.class,
  GatewayErrorHandler.class,
  GatewayApplications.class,
  CallerTags.class,
  ChatGateway.class,
  ChatTranslator.class,
  DataPlaneServer.class,
  DataPlaneShutdown.class
})
class GatewayTestApp {

  static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  static final long MAX_REQUEST_BYTES = 64 * 1024;

  /** Routing's overrides live in the database; a fresh in-memory one per context. */
  @Bean
  DataSource dataSource() {
    return new EmbeddedDatabaseBuilder()
        .setType(EmbeddedDatabaseType.H2)
        .generateUniqueName(true)
        .build();
  }

  @Bean
  Clock clock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }

  @Bean
  Deadlines deadlines() {
    return new Deadlines();
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

  /**
   * Records scans, background scoring hand-offs (scored at once, similarity 0.9) and the call
   * records the flow publishes; {@code blockReason} makes the scanner refuse.
   */
  static final class Signals implements SecurityScanner, AnswerScorer {
    final List<String> scannedPrompts = new CopyOnWriteArrayList<>();
    final List<ScoringInput> scored = new CopyOnWriteArrayList<>();
    final List<CallRecord> records = new CopyOnWriteArrayList<>();
    final AtomicReference<String> blockReason = new AtomicReference<>();

    @Override
    public SecurityVerdict scan(String prompt, String document, String client) {
      scannedPrompts.add(prompt);
      return new SecurityVerdict(0.0, false, null, Set.of(), false, blockReason.get());
    }

    @Override
    public QualityScores score(ScoringInput input) {
      throw new AssertionError("the gateway must never score on the response path");
    }

    @Override
    public void scoreLater(ScoringInput input, Outcome outcome) {
      scored.add(input);
      outcome.scored(new QualityScores(0.9, null, false, 2));
    }

    @EventListener
    void on(CallRecord record) {
      records.add(record);
    }

    /** The published record of the call, once it is there. */
    CallRecord recordOf(String promptId) {
      return records.stream().filter(r -> r.promptId().equals(promptId)).findFirst().orElse(null);
    }

    void reset() {
      scannedPrompts.clear();
      scored.clear();
      records.clear();
      blockReason.set(null);
    }
  }
}
