package dev.lrcp.storage;

import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statements suite on PostgreSQL ({@code -Dlrcp.test.postgres.url=jdbc:postgresql://...}, see
 * scripts/start-postgres.sh), each test in a fresh schema. Fails, never skips, when {@code CI=true}
 * and no URL is set.
 */
class PostgresCallRecordStatementsTests extends CallRecordStatementsSuite {

  private final String schema = "lrcp_stmt_" + UUID.randomUUID().toString().substring(0, 8);
  private HikariDataSource pool;

  @Override
  DataSource database() {
    String url = System.getProperty("lrcp.test.postgres.url");
    if (url == null || url.isBlank()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but -Dlrcp.test.postgres.url is not set; run scripts/start-postgres.sh");
      }
      Assumptions.abort("needs -Dlrcp.test.postgres.url (scripts/start-postgres.sh)");
    }
    pool = new HikariDataSource();
    pool.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    pool.setMaximumPoolSize(2);
    Flyway.configure()
        .dataSource(pool)
        .schemas(schema)
        .locations("classpath:db/migration", "classpath:db/vendor/postgresql")
        .load()
        .migrate();
    return pool;
  }

  @AfterEach
  void dropSchema() {
    if (pool != null) {
      new JdbcTemplate(pool).execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      pool.close();
    }
  }
}
