package dev.lrcp.optimization;

import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The store suite on PostgreSQL ({@code -Dlrcp.test.postgres.url}, see scripts/start-postgres.sh),
 * each test in a fresh schema. Fails, never skips, when {@code CI=true} and no URL is set.
 */
class PostgresOptimizationStoreTests extends OptimizationStoreSuite {

  private final String schema = "lrcp_test_" + UUID.randomUUID().toString().substring(0, 8);

  @Override
  HikariDataSource open() {
    String url = System.getProperty("lrcp.test.postgres.url");
    if (url == null || url.isBlank()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but -Dlrcp.test.postgres.url is not set; run scripts/start-postgres.sh");
      }
      Assumptions.abort("needs -Dlrcp.test.postgres.url (scripts/start-postgres.sh)");
    }
    try (var admin = new HikariDataSource()) {
      admin.setJdbcUrl(url);
      new JdbcTemplate(admin).execute("CREATE SCHEMA " + schema);
    }
    var ds = new HikariDataSource();
    ds.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    return ds;
  }

  @AfterEach
  void dropSchema() {
    String url = System.getProperty("lrcp.test.postgres.url");
    if (url != null && !url.isBlank()) {
      try (var admin = new HikariDataSource()) {
        admin.setJdbcUrl(url);
        new JdbcTemplate(admin).execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }
}
