package dev.lrcp.routing;

import java.util.Map;
import java.util.UUID;

/** The replica suite on one H2 database shared by both contexts. */
class H2OverrideReplicasTests extends OverrideReplicasSuite {

  private final String name = "replicas-" + UUID.randomUUID();

  @Override
  Map<String, Object> database() {
    return Map.of("spring.datasource.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
  }
}
