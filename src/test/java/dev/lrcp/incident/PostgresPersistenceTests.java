package dev.lrcp.incident;

import com.zaxxer.hikari.HikariDataSource;
import dev.lrcp.testing.Postgres;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/**
 * The persistence suite on PostgreSQL ({@code -Dlrcp.test.postgres.url=jdbc:postgresql://...}, see
 * scripts/start-postgres.sh), each test in a fresh schema. Fails, never skips, when the URL is set
 * but the server is unreachable, or when {@code CI=true} and no URL is set.
 */
class PostgresPersistenceTests extends PersistenceSuite {

  private final String schema = "lrcp_test_" + UUID.randomUUID().toString().substring(0, 8);

  @Override
  HikariDataSource open() {
    return pool(Postgres.inSchema(schema), schema);
  }

  @AfterEach
  void dropSchema() {
    Postgres.dropSchema(schema);
  }
}
