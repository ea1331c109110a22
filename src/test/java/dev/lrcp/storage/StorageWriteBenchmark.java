package dev.lrcp.storage;

import com.zaxxer.hikari.HikariDataSource;
import dev.lrcp.flow.CallRecord;
import dev.lrcp.flow.Records;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Write cost of the storage path (bench/storage/run.sh; not a test), per database, in two loads: N
 * scored records queued at once then drained (throughput); and 5,000 scored records paced at
 * 1,000/s (how a busy service feeds the writer), after 3,000 such records to warm up. Prints
 * records/s and the CPU the JVM spent off the feeding thread per record (writer, driver, H2's own
 * threads, GC; not the JIT compiler, and not a PostgreSQL server's CPU). PostgreSQL runs twice: one
 * call_record table, and partitioned by day as the service migrates it. Arguments: record count,
 * then optionally a PostgreSQL JDBC URL.
 */
public final class StorageWriteBenchmark {

  private static final int PACED_CALLS = 5_000;
  private static final int PACED_WARM_UP = 3_000;
  private static final long PACE_NANOS = 1_000_000;

  private StorageWriteBenchmark() {}

  private enum Load {
    QUEUED("queued at once:"),
    PACED("paced 1,000/s:");

    final String label;

    Load(String label) {
      this.label = label;
    }
  }

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    String dir = Files.createTempDirectory("lrcp-bench").toAbsolutePath().toString();
    for (Load load : Load.values()) {
      int count = load == Load.PACED ? PACED_CALLS : n;
      // H2 writes its file up to 500 ms after a commit (the service's setting); WRITE_DELAY=0
      // writes
      // it before the commit returns, the alternative ADR 0017 weighs
      run(new Target("H2 file", "jdbc:h2:file:" + dir + "/lrcp-" + load, false), count, load);
      run(
          new Target(
              "H2 file, WRITE_DELAY=0",
              "jdbc:h2:file:" + dir + "/lrcp-sync-" + load + ";WRITE_DELAY=0",
              false),
          count,
          load);
      if (args.length > 1 && !args[1].isBlank()) {
        for (boolean byDay : new boolean[] {false, true}) {
          String schema = "lrcp_bench_" + System.nanoTime();
          String url = args[1] + (args[1].contains("?") ? "&" : "?") + "currentSchema=" + schema;
          run(new Target(byDay ? "PG by day" : "PostgreSQL", url, byDay), count, load);
        }
      }
    }
  }

  /** A database; {@code byDay}: call_record partitioned by day, as the service migrates it. */
  private record Target(String name, String url, boolean byDay) {}

  private static void run(Target target, int n, Load load) throws InterruptedException {
    String name = target.name();
    String url = target.url();
    try (var ds = new HikariDataSource()) {
      ds.setJdbcUrl(url);
      String schema =
          url.contains("currentSchema=") ? url.substring(url.indexOf("currentSchema=") + 14) : null;
      var flyway = Flyway.configure().dataSource(ds).locations("classpath:db/migration");
      if (schema != null) {
        flyway.schemas(schema);
      }
      if (target.byDay()) {
        flyway.locations("classpath:db/migration", "classpath:db/vendor/postgresql");
      }
      flyway.load().migrate();
      if (target.byDay()) { // the records' day gets its partition, as maintenance does ahead
        var tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        new DayPartitions(new JdbcTemplate(ds), tx).createAhead(AT);
      }
      var properties =
          new StorageProperties(
              "./data",
              2 * n,
              500,
              Duration.ofMillis(200),
              Duration.ofDays(7),
              Duration.ofDays(90),
              Duration.ZERO,
              Duration.ZERO);
      var repository = new CallRecordRepository(new JdbcTemplate(ds));
      warmUp(repository, properties);
      var writer = new CallRecordWriter(repository, properties);
      long cpu = offThreadCpu();
      long start = System.nanoTime();
      int warm = 0;
      if (load == Load.PACED) {
        writer.start();
        warm = PACED_WARM_UP;
        feedPaced(writer, 0, warm); // the writer's paced path, JIT-compiled before it is measured
        cpu = offThreadCpu();
        start = System.nanoTime();
        feedPaced(writer, warm, n);
      } else {
        for (int i = 0; i < n; i++) {
          writer.on(call(i));
        }
        cpu = offThreadCpu();
        start = System.nanoTime();
        writer.start();
      }
      while (writer.queueDepth() > 0) {
        Thread.sleep(5); // benchmark harness: waiting for the writer thread is the measurement
      }
      writer.stop();
      long nanos = System.nanoTime() - start;
      report(name, load, n, ds, repository, writer, nanos, offThreadCpu() - cpu, warm);
      if (schema != null) {
        new JdbcTemplate(ds).execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  private static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");

  /** A scored call, the same for the same index. */
  private static CallRecord call(int i) {
    return Records.scored(
        Records.call(
            AT.plusMillis(i),
            i % 2 == 0 ? "/qa" : "/reason",
            i % 3 == 0 ? "gemini-2.5-pro" : "gemini-2.5-flash",
            300 + i % 1000),
        0.8,
        false);
  }

  /** One record per millisecond. */
  private static void feedPaced(CallRecordWriter writer, int from, int n) {
    long next = System.nanoTime();
    for (int i = from; i < from + n; i++) {
      writer.on(call(i));
      next += PACE_NANOS;
      LockSupport.parkNanos(next - System.nanoTime());
    }
  }

  private static void report(
      String name,
      Load load,
      int n,
      HikariDataSource ds,
      CallRecordRepository repository,
      CallRecordWriter writer,
      long nanos,
      long cpuNanos,
      int warm) {
    long stored = repository.count() - 1_000 - warm;
    Long withQuality =
        new JdbcTemplate(ds)
            .queryForObject(
                "SELECT COUNT(*) FROM call_record WHERE semantic_similarity IS NOT NULL",
                Long.class);
    System.out.printf(
        Locale.ROOT,
        "%-22s %-25s %,7d records in %5.2f s = %,7.0f records/s, CPU %5.1f us/record"
            + " (dropped %d, with quality %,d)%n",
        name,
        load.label,
        stored,
        nanos / 1e9,
        stored / (nanos / 1e9),
        cpuNanos / 1e3 / n,
        writer.takeDropped(),
        withQuality - warm);
  }

  /** CPU of the whole JVM except the thread that feeds the writer. */
  private static long offThreadCpu() {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return os.getProcessCpuTime() - ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static void warmUp(CallRecordRepository repository, StorageProperties properties) {
    var writer = new CallRecordWriter(repository, properties);
    for (int i = 0; i < 1_000; i++) {
      writer.on(Records.call(Instant.EPOCH, "/qa", "m", 1));
    }
    writer.flush();
  }
}
