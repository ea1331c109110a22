package dev.lrcp.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrcp.health.Facts;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

class CallRecordWriterTests {

  private static final Instant T = Instant.parse("2026-11-28T10:00:00Z");

  private static StorageProperties capacity(int n) {
    return new StorageProperties(
        "./data",
        n,
        100,
        Duration.ofMillis(50),
        Duration.ofDays(7),
        Duration.ofDays(90),
        Duration.ZERO,
        Duration.ZERO);
  }

  private static CallRecordRepository repositoryWithoutSchema() {
    var ds = new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:noschema");
    return new CallRecordRepository(new JdbcTemplate(ds));
  }

  @Test
  void aFullQueueDropsAndCountsInsteadOfBlocking() {
    var writer = new CallRecordWriter(repositoryWithoutSchema(), capacity(2));

    for (int i = 0; i < 5; i++) {
      writer.enqueue(CallRecord.of(Facts.call(T, "/qa", "m", 100), null));
    }

    assertThat(writer.queueDepth()).isEqualTo(2);
    assertThat(writer.takeDropped()).isEqualTo(3);
    assertThat(writer.takeDropped()).as("counted once per report").isZero();
  }

  @Test
  void aFailingDatabaseLosesTheBatchCountedNotThrown() {
    var writer = new CallRecordWriter(repositoryWithoutSchema(), capacity(10));
    writer.enqueue(CallRecord.of(Facts.call(T, "/qa", "m", 100), null));
    writer.enqueue(CallRecord.of(Facts.call(T, "/qa", "m", 100), null));

    writer.flush();

    assertThat(writer.takeDropped()).isEqualTo(2);
    assertThat(writer.takeWritten()).isZero();
    assertThat(writer.queueDepth()).isZero();
  }
}
