package dev.lrcp.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The PostgreSQL of the test run ({@code -Dlrcp.test.postgres.url}, scripts/start-postgres.sh).
 * Without it a test aborts, except with {@code CI=true}, where it fails: CI never skips silently.
 */
public final class Postgres {

  private Postgres() {}

  public static String url() {
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

  /** The URL with {@code currentSchema} set. */
  public static String inSchema(String schema) {
    String url = url();
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /** Drops a test's schema when a server is configured. */
  public static void dropSchema(String schema) {
    String url = System.getProperty("lrcp.test.postgres.url");
    if (url != null && !url.isBlank()) {
      try (var ds = new HikariDataSource()) {
        ds.setJdbcUrl(url);
        new JdbcTemplate(ds).execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }
}
