package dev.lrcp.storage;

import com.zaxxer.hikari.HikariDataSource;
import dev.lrcp.health.Facts;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Write throughput of the storage path (bench/storage/run.sh; not a test): N call records are
 * queued, then the writer thread drains them in JDBC batches; prints records/s per database.
 * Arguments: record count, then optionally a PostgreSQL JDBC URL.
 */
public final class StorageWriteBenchmark {

  private StorageWriteBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    String dir = Files.createTempDirectory("lrcp-bench").toAbsolutePath().toString();
    run("H2 file", "jdbc:h2:file:" + dir + "/lrcp", n);
    if (args.length > 1 && !args[1].isBlank()) {
      String schema = "lrcp_bench_" + System.nanoTime();
      run(
          "PostgreSQL",
          args[1] + (args[1].contains("?") ? "&" : "?") + "currentSchema=" + schema,
          n);
    }
  }

  private static void run(String name, String url, int n) throws InterruptedException {
    try (var ds = new HikariDataSource()) {
      ds.setJdbcUrl(url);
      String schema =
          url.contains("currentSchema=") ? url.substring(url.indexOf("currentSchema=") + 14) : null;
      var flyway = Flyway.configure().dataSource(ds).locations("classpath:db/migration");
      if (schema != null) {
        flyway.schemas(schema);
      }
      flyway.load().migrate();
      var properties =
          new StorageProperties(
              "./data",
              n,
              500,
              Duration.ofMillis(200),
              Duration.ofDays(7),
              Duration.ofDays(90),
              Duration.ZERO,
              Duration.ZERO);
      var repository = new CallRecordRepository(new JdbcTemplate(ds));
      warmUp(repository, properties);
      var writer = new CallRecordWriter(repository, properties);
      Instant at = Instant.parse("2026-11-28T10:00:00Z");
      for (int i = 0; i < n; i++) {
        writer.enqueue(
            CallRecord.of(
                Facts.call(
                    at.plusMillis(i),
                    i % 2 == 0 ? "/qa" : "/reason",
                    i % 3 == 0 ? "gemini-2.5-pro" : "gemini-2.5-flash",
                    300 + i % 1000),
                null));
      }
      long start = System.nanoTime();
      writer.start();
      while (writer.queueDepth() > 0) {
        Thread.sleep(5); // benchmark harness: waiting for the writer thread is the measurement
      }
      writer.stop();
      double seconds = (System.nanoTime() - start) / 1e9;
      long stored = repository.count() - 1_000;
      System.out.printf(
          Locale.ROOT,
          "%-10s %,d records in %.2f s = %,.0f records/s (dropped %d)%n",
          name,
          stored,
          seconds,
          stored / seconds,
          writer.takeDropped());
      if (schema != null) {
        new JdbcTemplate(ds).execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  private static void warmUp(CallRecordRepository repository, StorageProperties properties) {
    var writer = new CallRecordWriter(repository, properties);
    for (int i = 0; i < 1_000; i++) {
      writer.enqueue(CallRecord.of(Facts.call(Instant.EPOCH, "/qa", "m", 1), null));
    }
    writer.flush();
  }
}
