package dev.lrcp.routing;

import dev.lrcp.testing.Postgres;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/**
 * The replica suite on PostgreSQL ({@code -Dlrcp.test.postgres.url}, scripts/start-postgres.sh), in
 * a fresh schema. Fails, never skips, when {@code CI=true} and no URL is set.
 */
class PostgresOverrideReplicasTests extends OverrideReplicasSuite {

  private final String schema = "lrcp_replicas_" + UUID.randomUUID().toString().substring(0, 8);

  @Override
  Map<String, Object> database() {
    return Map.of(
        "spring.datasource.url", Postgres.inSchema(schema), "spring.flyway.schemas", schema);
  }

  @AfterEach
  void dropSchema() {
    Postgres.dropSchema(schema);
  }
}
