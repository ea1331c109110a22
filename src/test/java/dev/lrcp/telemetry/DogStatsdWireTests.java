package dev.lrcp.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.timgroup.statsd.NonBlockingStatsDClientBuilder;
import com.timgroup.statsd.StatsDClient;
import dev.lrcp.cluster.LeaseChecked;
import dev.lrcp.flow.CallRecord;
import dev.lrcp.flow.Records;
import dev.lrcp.health.HealthEvaluated;
import dev.lrcp.incident.IncidentDeliveryFailed;
import dev.lrcp.incident.IncidentOpened;
import dev.lrcp.incident.OpenIncidentsCounted;
import dev.lrcp.llm.CallTags;
import dev.lrcp.resilience.CircuitBreakerStateChanged;
import dev.lrcp.storage.StorageStats;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What really goes on the wire for each event: a real DogStatsD client sends to a loopback UDP
 * socket, and every line is checked against the catalog (name, type letter, declared tags only,
 * constant tags exactly once, no line twice).
 */
class DogStatsdWireTests {

  private static final MetricCatalog CATALOG = MetricCatalog.load();
  private static final Set<String> SEEN = new HashSet<>();

  @Test
  void answeredCallSendsEveryCallMetricOnceWithItsCatalogType() {
    var lines = send(m -> new CallMetrics(m).on(Events.success(new CallTags("shop", "chat", "c"))));

    assertThat(names(lines))
        .containsExactlyInAnyOrder(
            "llm.request.count",
            "llm.request.latency_ms",
            "llm.retry_count",
            "llm.time_to_first_token_ms",
            "llm.tokens.input",
            "llm.tokens.output",
            "llm.tokens.thinking",
            "llm.tokens.total",
            "llm.request.input_tokens",
            "llm.request.output_tokens",
            "llm.cost.usd",
            "llm.request.cost_usd");
    assertThat(line(lines, "llm.request.latency_ms").type()).isEqualTo("d");
    assertThat(line(lines, "llm.time_to_first_token_ms").type()).isEqualTo("d");
    assertThat(line(lines, "llm.tokens.total").type()).isEqualTo("c");
    assertThat(line(lines, "llm.tokens.total").value()).isEqualTo(150);
    assertThat(line(lines, "llm.tokens.output").value()).isEqualTo(50);
    assertThat(line(lines, "llm.cost.usd").type()).isEqualTo("c");
    assertThat(line(lines, "llm.cost.usd").value()).isEqualTo(0.00042);
    assertThat(line(lines, "llm.request.count").tagKeys())
        .containsExactlyInAnyOrder(
            "endpoint",
            "model",
            "provider",
            "request_type",
            "traffic",
            "outcome",
            "application",
            "feature");
    assertThat(line(lines, "llm.request.count").tag("traffic")).isEqualTo("organic");
    assertThat(line(lines, "llm.request.count").tag("application")).isEqualTo("shop");
    assertThat(line(lines, "llm.request.latency_ms").tags())
        .contains("endpoint:/qa", "model:gemini-2.5-flash", "provider:gemini", "outcome:success");
  }

  @Test
  void aRoutingDecisionIsCountedAndAnEscalationWithItsCostAgainstTheReference() {
    var lines = send(m -> new RoutingMetrics(m).on(Events.escalated()));

    assertThat(names(lines))
        .containsExactlyInAnyOrder(
            "llm.routing.decision.count",
            "llm.routing.escalation.count",
            "llm.routing.savings_usd");
    assertThat(line(lines, "llm.routing.decision.count").tags())
        .contains("endpoint:/qa", "policy:cascade", "reason:cascade", "model:gemini-2.5-pro");
    assertThat(line(lines, "llm.routing.escalation.count").tag("escalation"))
        .isEqualTo("ungrounded");
    assertThat(line(lines, "llm.routing.savings_usd").type()).isEqualTo("c");
    assertThat(line(lines, "llm.routing.savings_usd").value()).isEqualTo(-0.00042);
  }

  @Test
  void aStaticDecisionHasNoSavingsLine() {
    var lines = send(m -> new RoutingMetrics(m).on(Events.success(CallTags.NONE)));

    assertThat(names(lines)).containsExactly("llm.routing.decision.count");
    assertThat(line(lines, "llm.routing.decision.count").tags())
        .contains("policy:static", "reason:default", "traffic:organic");
  }

  @Test
  void callWithoutApplicationOmitsThoseTags() {
    var lines = send(m -> new CallMetrics(m).on(Events.success(CallTags.NONE)));

    assertThat(line(lines, "llm.request.count").tagKeys())
        .containsExactlyInAnyOrder(
            "endpoint", "model", "provider", "request_type", "traffic", "outcome");
  }

  @Test
  void failedCallCountsTheFailureKindAndNoTokensOrCost() {
    var lines = send(m -> new CallMetrics(m).on(Events.timeoutAfterFallback()));

    assertThat(names(lines))
        .containsExactlyInAnyOrder(
            "llm.request.count",
            "llm.request.latency_ms",
            "llm.retry_count",
            "llm.fallback.count",
            "llm.error.count",
            "llm.timeout.count");
    assertThat(line(lines, "llm.error.count").tag("error_type")).isEqualTo("timeout");
    assertThat(line(lines, "llm.request.count").tag("outcome")).isEqualTo("error");
    assertThat(line(lines, "llm.retry_count").value()).isEqualTo(3);
    assertThat(line(lines, "llm.fallback.count").tags())
        .contains("requested_model:gemini-2.5-pro", "model:gemini-2.5-flash");
  }

  @Test
  void safetyBlockIsCountedBesideTheAnsweredMetrics() {
    var lines = send(m -> new CallMetrics(m).on(Events.safetyBlock()));

    assertThat(names(lines)).contains("llm.safety_block.count", "llm.tokens.input");
    assertThat(line(lines, "llm.request.count").tag("outcome")).isEqualTo("safety_block");
    assertThat(line(lines, "llm.request.count").tag("traffic"))
        .as("the simulate_bad_prompt drill")
        .isEqualTo("injected");
  }

  @Test
  void scoredAnswerWithDocumentSendsGroundingAndTheFlag() {
    var withDoc =
        send(
            m ->
                new SignalMetrics(m)
                    .on(
                        Events.success(CallTags.NONE)
                            .withQuality(CallRecord.Quality.scored(0.82, 0.31, true))));
    var withoutDoc =
        send(
            m ->
                new SignalMetrics(m)
                    .on(
                        Events.success(CallTags.NONE)
                            .withQuality(CallRecord.Quality.scored(0.7, null, false))));

    assertThat(names(withDoc))
        .containsExactlyInAnyOrder(
            "llm.semantic_similarity_score", "llm.grounding_score", "llm.ungrounded_answer_flag");
    assertThat(line(withDoc, "llm.ungrounded_answer_flag").value()).isEqualTo(1);
    assertThat(line(withDoc, "llm.grounding_score").type()).isEqualTo("d");
    assertThat(names(withoutDoc)).containsExactly("llm.semantic_similarity_score");
  }

  @Test
  void answerLeftUnscoredIsCountedWithItsReason() {
    var lines =
        send(
            m ->
                new SignalMetrics(m)
                    .on(
                        Events.success(CallTags.NONE)
                            .withQuality(CallRecord.Quality.unscored("queue_full"))));

    assertThat(line(lines, "llm.quality.unscored.count").type()).isEqualTo("c");
    assertThat(line(lines, "llm.quality.unscored.count").value()).isEqualTo(1);
    assertThat(line(lines, "llm.quality.unscored.count").tag("reason")).isEqualTo("queue_full");
  }

  @Test
  void scannedPromptSendsScoreAndOneCountPerSignal() {
    var lines =
        send(
            m ->
                new SignalMetrics(m)
                    .on(
                        Records.withSecurity(
                            Events.success(CallTags.NONE),
                            new CallRecord.Security(
                                0.97, true, "document", Set.of("email", "card"), true, true))));

    assertThat(names(lines))
        .containsExactlyInAnyOrder(
            "llm.security.prompt_injection_score",
            "llm.security.prompt_injection_risk",
            "llm.security.pii.count",
            "llm.security.pii.count",
            "llm.security.token_abuse",
            "llm.security.blocked.count");
    assertThat(line(lines, "llm.security.prompt_injection_risk").tag("source"))
        .isEqualTo("document");
    assertThat(lines.stream().map(l -> l.tag("pii_type")).filter(t -> t != null))
        .containsExactlyInAnyOrder("email", "card");
  }

  @Test
  void healthIncidentStorageLeaseAndBreakerReportsBecomeGaugesAndCounts() {
    var lines =
        send(
            m -> {
              var state = new StateMetrics(m);
              state.on(
                  new HealthEvaluated(
                      Events.AT,
                      "endpoint:/qa",
                      87.5,
                      "healthy",
                      Map.of("performance", 92.0, "reliability", 100.0)));
              state.on(new HealthEvaluated(Events.AT, "service", null, "no_data", null));
              state.on(new IncidentOpened(Events.AT, "inc-1", "latency_slo", "SEV-2", "t"));
              state.on(
                  new OpenIncidentsCounted(
                      Events.AT,
                      List.of(new OpenIncidentsCounted.Count("latency_slo", "SEV-2", 1))));
              state.on(new IncidentDeliveryFailed(Events.AT, "inc-1", "datadog", "503"));
              state.on(new StorageStats(Events.AT, 3, 120, 2));
              state.on(new LeaseChecked(Events.AT, true));
              new CircuitBreakerMetrics(m)
                  .on(
                      new CircuitBreakerStateChanged(
                          Events.AT, "gemini-2.5-pro", "gemini", "open"));
            });

    assertThat(line(lines, "llm.health_score").type()).isEqualTo("g");
    assertThat(line(lines, "llm.health_score").tag("scope")).isEqualTo("endpoint:/qa");
    assertThat(lines.stream().filter(l -> l.name().equals("llm.health.component_score")))
        .hasSize(2)
        .allSatisfy(l -> assertThat(l.tagKeys()).containsExactlyInAnyOrder("scope", "component"));
    assertThat(lines.stream().filter(l -> l.name().equals("llm.health_score"))).hasSize(1);
    assertThat(line(lines, "llm.incident.opened.count").type()).isEqualTo("c");
    assertThat(line(lines, "llm.incident.open").type()).isEqualTo("g");
    assertThat(line(lines, "llm.incident.sink.failure.count").tag("sink")).isEqualTo("datadog");
    assertThat(line(lines, "llm.storage.queue_depth").value()).isEqualTo(3);
    assertThat(line(lines, "llm.storage.written.count").value()).isEqualTo(120);
    assertThat(line(lines, "llm.storage.dropped.count").value()).isEqualTo(2);
    assertThat(line(lines, "llm.cluster.lease_held").value()).isEqualTo(1);
    assertThat(line(lines, "llm.cluster.lease_held").type()).isEqualTo("g");
    assertThat(line(lines, "llm.circuit_breaker.state").value()).isEqualTo(2);
    assertThat(line(lines, "llm.circuit_breaker.state").type()).isEqualTo("g");
  }

  @Test
  void anOpenIncidentGaugeThatLeavesTheReportIsSentOnceAsZero() {
    var lines =
        sendAll(
            m -> {
              var state = new StateMetrics(m);
              state.on(
                  new OpenIncidentsCounted(
                      Events.AT,
                      List.of(new OpenIncidentsCounted.Count("error_rate", "SEV-1", 2))));
              state.on(new OpenIncidentsCounted(Events.AT, List.of()));
              state.on(new OpenIncidentsCounted(Events.AT, List.of()));
            });

    assertThat(lines).extracting(StatsdLine::value).containsExactly(2.0, 0.0);
  }

  @Test
  void cacheHitsMissesAndSavingsAreCountedFromTheRecord() {
    CallRecord hit = Events.success(CallTags.NONE);
    hit =
        new CallRecord(
            hit.at(),
            hit.promptId(),
            hit.traceId(),
            hit.labels(),
            hit.outcome(),
            hit.failure(),
            hit.numbers(),
            hit.routing(),
            hit.quality(),
            hit.security(),
            new CallRecord.Cache(CallRecord.Cache.SEMANTIC, 0.0021),
            null);
    CallRecord miss =
        new CallRecord(
            hit.at(),
            "p-miss",
            null,
            hit.labels(),
            hit.outcome(),
            null,
            hit.numbers(),
            null,
            null,
            null,
            new CallRecord.Cache(CallRecord.Cache.MISS, 0),
            null);
    CallRecord served = hit;
    var lines =
        sendAll(
            m -> {
              new CallMetrics(m).on(served);
              new CallMetrics(m).on(miss);
            });

    assertThat(line(lines, "llm.cache.hit.count").tag("result")).isEqualTo("semantic");
    assertThat(line(lines, "llm.cache.saved_usd").value()).isEqualTo(0.0021);
    assertThat(line(lines, "llm.cache.miss.count").value()).isEqualTo(1);
  }

  @Test
  void admissionRefusalsAndBudgetWarningsAreCountedWithoutKeyIds() {
    var lines =
        send(
            m -> {
              var metrics = new AdmissionMetrics(m);
              metrics.on(
                  new dev.lrcp.admission.AdmissionRefused("/qa", "budget_exceeded", "key", "shop"));
              metrics.on(
                  new dev.lrcp.admission.BudgetWarning(
                      Events.AT, "key", "checkout-bot", "shop", "day", "2026-12-07", 80, 4, 5));
            });

    var refused = line(lines, "llm.admission.refused.count");
    assertThat(refused.tag("reason")).isEqualTo("budget_exceeded");
    assertThat(refused.tag("scope")).isEqualTo("key");
    var warning = line(lines, "llm.budget.warning.count");
    assertThat(warning.tag("level")).isEqualTo("80");
    assertThat(warning.tag("window")).isEqualTo("day");
    assertThat(String.join(",", warning.tags())).doesNotContain("checkout-bot");
  }

  @Test
  void theSpendForecastIsAGaugePerBoundAndADriftWarningACountOnItsScope() {
    var lines =
        send(
            m -> {
              var state = new StateMetrics(m);
              state.on(
                  new dev.lrcp.forecast.SpendForecast(
                      Events.AT, 41.5, 30.25, 55.0, "holt_winters_daily", 0.8, 0.7, null));
              state.on(
                  new dev.lrcp.incident.QualityDriftDetected(
                      Events.AT, "grounding", null, "gemini-2.5-flash", 0.8, 0.74));
            });

    var bounds =
        lines.stream()
            .filter(l -> l.name().equals("llm.forecast.spend_next_24h_usd"))
            .map(l -> l.tag("bound") + "=" + l.value())
            .toList();
    assertThat(bounds).containsExactlyInAnyOrder("expected=41.5", "lower80=30.25", "upper80=55.0");
    var drift = line(lines, "llm.quality.drift.warning.count");
    assertThat(drift.tag("signal")).isEqualTo("grounding");
    assertThat(drift.tag("model")).isEqualTo("gemini-2.5-flash");
    assertThat(drift.tag("endpoint")).isNull();
  }

  @Test
  void optimisationCountsAreGaugesPerKind() {
    var lines =
        send(
            m ->
                new StateMetrics(m)
                    .on(
                        new dev.lrcp.optimization.OptimizationCounted(
                            List.of(
                                new dev.lrcp.optimization.OptimizationCounted.Count(
                                    "output_cap", 2, 1, 12.5, 3.25)))));

    var open = line(lines, "llm.optimization.recommendation.open");
    assertThat(open.tag("kind")).isEqualTo("output_cap");
    assertThat(open.type()).isEqualTo("g");
    assertThat(line(lines, "llm.optimization.recommendation.implemented").value()).isEqualTo(1);
    assertThat(line(lines, "llm.optimization.savings.estimated_monthly_usd").value())
        .isEqualTo(12.5);
    assertThat(line(lines, "llm.optimization.savings.realised_monthly_usd").value())
        .isEqualTo(3.25);
  }

  @Test
  void emittingAnUndeclaredTagFails() {
    var emitter = new MetricEmitter(new com.timgroup.statsd.NoOpStatsDClient(), CATALOG);

    assertThatThrownBy(
            () -> emitter.emit(Metric.REQUEST_COUNT, 1, Tags.of("trace_id", "123456789")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trace_id");
  }

  @AfterAll
  static void everyCatalogMetricWasSeenOnTheWire() {
    assertThat(SEEN)
        .containsExactlyInAnyOrderElementsOf(
            CATALOG.metrics().stream().map(MetricCatalog.MetricDefinition::name).toList());
  }

  /** Runs {@code emit} against a real client and returns the lines, after the common checks. */
  private static List<StatsdLine> send(Consumer<MetricEmitter> emit) {
    var lines = sendAll(emit);
    assertThat(lines.stream().map(l -> l.name() + l.tags()).toList()).doesNotHaveDuplicates();
    return lines;
  }

  /** Like {@link #send} for several reports in a row, where a line may legitimately repeat. */
  private static List<StatsdLine> sendAll(Consumer<MetricEmitter> emit) {
    List<StatsdLine> lines;
    try (var udp = new UdpCapture()) {
      StatsDClient client =
          new NonBlockingStatsDClientBuilder()
              .hostname("127.0.0.1")
              .port(udp.port())
              .constantTags("service:lrcp", "env:test", "version:1.0")
              .enableAggregation(false)
              .enableTelemetry(false)
              .originDetectionEnabled(false)
              .blocking(true)
              .build();
      emit.accept(new MetricEmitter(client, CATALOG));
      client.close();
      lines = udp.drain();
    }
    assertThat(lines).isNotEmpty();
    lines.forEach(DogStatsdWireTests::conformsToCatalog);
    lines.forEach(l -> SEEN.add(l.name()));
    return lines;
  }

  static void conformsToCatalog(StatsdLine line) {
    var definition = CATALOG.find(line.name());
    assertThat(definition).as("declared: %s", line.raw()).isPresent();
    assertThat(line.type()).as(line.raw()).isEqualTo(definition.get().type().wire());
    assertThat(definition.get().tags()).as(line.raw()).containsAll(line.tagKeys());
    for (String constant : List.of("service", "env", "version")) {
      assertThat(line.tags().stream().filter(t -> t.startsWith(constant + ":")))
          .as("%s once in %s", constant, line.raw())
          .hasSize(1);
    }
  }

  private static List<String> names(List<StatsdLine> lines) {
    return lines.stream().map(StatsdLine::name).toList();
  }

  private static StatsdLine line(List<StatsdLine> lines, String name) {
    Map<String, List<StatsdLine>> byName =
        lines.stream()
            .collect(
                Collectors.groupingBy(StatsdLine::name, LinkedHashMap::new, Collectors.toList()));
    assertThat(byName.get(name)).as(name).hasSize(1);
    return byName.get(name).getFirst();
  }
}
