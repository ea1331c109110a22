package dev.lrcp.storage;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The statements suite on an in-memory H2 database (the embedded default's engine). */
class H2CallRecordStatementsTests extends CallRecordStatementsSuite {

  @Override
  DataSource database() {
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    var ds = new SimpleDriverDataSource(new org.h2.Driver(), url);
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    return ds;
  }
}
