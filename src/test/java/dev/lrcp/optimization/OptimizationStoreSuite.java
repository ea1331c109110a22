package dev.lrcp.optimization;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Recommendations, results, caps and the audit trail round-trip through the migrated schema. */
abstract class OptimizationStoreSuite {

  static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");

  private HikariDataSource ds;
  private JdbcTemplate jdbc;
  private final JsonMapper json = JsonMapper.builder().build();

  /** A pool to an empty database or schema. */
  abstract HikariDataSource open();

  @BeforeEach
  void migrate() {
    ds = open();
    migrate("9");
    jdbc = new JdbcTemplate(ds);
  }

  /** Migrates to {@code target}, or to the latest version when null. */
  private void migrate(String target) {
    var flyway = Flyway.configure().dataSource(ds).locations("classpath:db/migration");
    (target == null ? flyway : flyway.target(target)).load().migrate();
  }

  @AfterEach
  void close() {
    if (ds != null) { // null when the database was not available (the test was aborted)
      ds.close();
    }
  }

  @Test
  void anOutputCapSetBeforeThinkingBudgetsExistedIsKeptAsALimit() {
    jdbc.update(
        "INSERT INTO optimization_output_cap (endpoint, max_tokens, recommendation_id,"
            + " applied_by, applied_at_ms) VALUES ('/qa', 96, 'opt-9', 'sre', ?)",
        AT.toEpochMilli());

    migrate(null);

    Limits.Limit kept = new Limits(jdbc).on("/qa", Control.MAX_TOKENS);
    assertThat(kept).isEqualTo(new Limits.Limit("/qa", "max_tokens", 96, "opt-9", "sre", AT));
  }

  @Test
  void aGeneratedRecommendationIsStoredUpdatedAndFiltered() {
    migrate(null);
    var store = new RecommendationStore(jdbc, json);
    var control = new Control(Control.MAX_TOKENS, "/stress", "64");
    var r =
        new Recommendation(
            "opt-1",
            "Cap answers",
            "output_cap",
            "d",
            Recommendation.PENDING,
            "high",
            0.0001,
            12.5,
            0,
            AT,
            null,
            Recommendation.GENERATED,
            "/stress",
            null,
            new Estimate(10, 8, 12),
            0.9,
            Map.of("p95_output_tokens", 60),
            control,
            AT,
            null,
            null);
    store.insert(r);
    store.update(r.implemented(AT.plusSeconds(60), "sre", Map.of("cost_per_request", 0.001)));

    Recommendation read = store.find("opt-1").orElseThrow();
    assertThat(read.status()).isEqualTo(Recommendation.IMPLEMENTED);
    assertThat(read.control()).isEqualTo(control);
    assertThat(read.monthlySavings()).isEqualTo(new Estimate(10, 8, 12));
    assertThat(read.evidence()).containsEntry("p95_output_tokens", 60);
    assertThat(read.baselineMetrics()).containsEntry("cost_per_request", 0.001);
    assertThat(read.implementedAt()).isEqualTo(AT.plusSeconds(60));
    assertThat(store.list(Recommendation.IMPLEMENTED, "output_cap", "generated")).hasSize(1);
    assertThat(store.list(Recommendation.PENDING, null, null)).isEmpty();
  }

  @Test
  void resultsCapsAndTheAuditTrailRoundTrip() {
    migrate(null);
    new RecommendationStore(jdbc, json)
        .insert(
            new Recommendation(
                "opt-2",
                "t",
                "batching",
                "d",
                Recommendation.PENDING,
                "low",
                0,
                0,
                0,
                AT,
                null,
                Recommendation.PERSON,
                null,
                null,
                null,
                null,
                Map.of(),
                null,
                AT,
                null,
                null));
    var results = new ResultStore(jdbc);
    results.insert(
        new Result("opt-2", AT, AT.plusSeconds(3600), 7, 5, 1, 4, 10, null, "no cost", null), AT);
    assertThat(results.of("opt-2").getFirst().roiPercentage()).isNull();
    assertThat(results.endedSince(AT)).hasSize(1);

    var limits = new Limits(jdbc);
    limits.set(new Limits.Limit("/stress", Control.MAX_TOKENS, 64, "opt-2", "sre", AT));
    limits.set(new Limits.Limit("/stress", Control.MAX_TOKENS, 96, "opt-2", "sre", AT));
    limits.set(new Limits.Limit("/stress", Control.THINKING_BUDGET, 200, "opt-3", "sre", AT));
    var read = new Limits(jdbc);
    assertThat(read.on("/stress", Control.MAX_TOKENS).tokens()).isEqualTo(96);
    assertThat(read.on("/stress", Control.THINKING_BUDGET).tokens()).isEqualTo(200);
    limits.remove("/stress", Control.MAX_TOKENS, "opt-2");
    limits.remove("/stress", Control.THINKING_BUDGET, "opt-2");
    assertThat(limits.all(Control.MAX_TOKENS)).isEmpty();
    assertThat(limits.all(Control.THINKING_BUDGET))
        .as("only the recommendation that set a limit removes it")
        .hasSize(1);

    var audit = new Implementations(jdbc, json);
    audit.add(new Implementations.Entry("opt-2", Implementations.IMPLEMENT, "sre", null, AT));
    audit.add(
        new Implementations.Entry("opt-2", Implementations.REVERT, "sre", null, AT.plusSeconds(1)));
    assertThat(audit.recent(10))
        .extracting(Implementations.Entry::action)
        .containsExactly("revert", "implement");
  }
}
