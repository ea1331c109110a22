package dev.lrcp.incident;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.UUID;

/** The persistence suite on the default embedded database: an H2 file, closed and reopened. */
class H2FilePersistenceTests extends PersistenceSuite {

  private final Path directory = Path.of("target", "h2-tests", UUID.randomUUID().toString());

  @Override
  HikariDataSource open() {
    return pool("jdbc:h2:file:" + directory.toAbsolutePath() + "/lrcp", null);
  }
}
