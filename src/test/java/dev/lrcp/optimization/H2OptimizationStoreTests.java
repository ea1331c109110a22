package dev.lrcp.optimization;

import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;

/** The store suite on an in-memory H2, each test in a fresh database. */
class H2OptimizationStoreTests extends OptimizationStoreSuite {

  @Override
  HikariDataSource open() {
    var ds = new HikariDataSource();
    ds.setJdbcUrl("jdbc:h2:mem:optimization-store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return ds;
  }
}
