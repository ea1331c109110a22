package dev.lrcp.routing;

import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The replica suite on PostgreSQL ({@code -Dlrcp.test.postgres.url}, scripts/start-postgres.sh), in
 * a fresh schema. Fails, never skips, when {@code CI=true} and no URL is set.
 */
class PostgresOverrideReplicasTests extends OverrideReplicasSuite {

  private final String schema = "lrcp_replicas_" + UUID.randomUUID().toString().substring(0, 8);

  @Override
  Map<String, Object> database() {
    String url = System.getProperty("lrcp.test.postgres.url");
    if (url == null || url.isBlank()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but -Dlrcp.test.postgres.url is not set; run scripts/start-postgres.sh");
      }
      Assumptions.abort("needs -Dlrcp.test.postgres.url (scripts/start-postgres.sh)");
    }
    return Map.of(
        "spring.datasource.url",
        url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
        "spring.flyway.schemas",
        schema);
  }

  @AfterEach
  void dropSchema() {
    String url = System.getProperty("lrcp.test.postgres.url");
    if (url != null && !url.isBlank()) {
      try (var ds = new HikariDataSource()) {
        ds.setJdbcUrl(url);
        new JdbcTemplate(ds).execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }
}
