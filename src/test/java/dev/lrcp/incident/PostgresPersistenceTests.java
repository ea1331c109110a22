package dev.lrcp.incident;

import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The persistence suite on PostgreSQL ({@code -Dlrcp.test.postgres.url=jdbc:postgresql://...}, see
 * scripts/start-postgres.sh), each test in a fresh schema. Fails, never skips, when the URL is set
 * but the server is unreachable, or when {@code CI=true} and no URL is set.
 */
class PostgresPersistenceTests extends PersistenceSuite {

  private final String schema = "lrcp_test_" + UUID.randomUUID().toString().substring(0, 8);

  static String url() {
    String url = System.getProperty("lrcp.test.postgres.url");
    if (url == null || url.isBlank()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but -Dlrcp.test.postgres.url is not set; run scripts/start-postgres.sh");
      }
      Assumptions.abort(
          "PostgreSQL suite needs -Dlrcp.test.postgres.url (scripts/start-postgres.sh)");
    }
    return url;
  }

  @Override
  HikariDataSource open() {
    String url = url();
    return pool(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, schema);
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
