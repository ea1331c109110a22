package dev.lrcp.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplayLogTests {

  private static final String BOOT = "b1";

  @Test
  void givesTheEventsAfterTheLastOneSeenInOrder() {
    var log = new ReplayLog(4);
    for (long seq = 1; seq <= 3; seq++) {
      log.add(frame(seq));
    }

    assertThat(log.after(new EventId(BOOT, 1), BOOT, 4))
        .hasValueSatisfying(
            missed -> assertThat(missed).extracting(f -> f.id().seq()).containsExactly(2L, 3L));
    assertThat(log.after(new EventId(BOOT, 3), BOOT, 4))
        .hasValueSatisfying(m -> assertThat(m).isEmpty());
  }

  @Test
  void skipsStateEventsThatWereNeverKeptWithoutCallingItAGap() {
    var log = new ReplayLog(4);
    log.add(frame(1));
    log.add(frame(5)); // 2..4 were health snapshots

    assertThat(log.after(new EventId(BOOT, 2), BOOT, 6))
        .hasValueSatisfying(m -> assertThat(m).extracting(f -> f.id().seq()).containsExactly(5L));
  }

  @Test
  void anEvictedEventAfterTheLastOneSeenIsAGap() {
    var log = new ReplayLog(2);
    for (long seq = 1; seq <= 4; seq++) {
      log.add(frame(seq));
    }

    assertThat(log.after(new EventId(BOOT, 1), BOOT, 5)).isEmpty();
    assertThat(log.after(new EventId(BOOT, 2), BOOT, 5)).isPresent();
  }

  @Test
  void anIdFromAnotherRunOrTheFutureIsAGap() {
    var log = new ReplayLog(2);
    log.add(frame(1));

    assertThat(log.after(new EventId("other", 1), BOOT, 2)).isEmpty();
    assertThat(log.after(new EventId(BOOT, 7), BOOT, 2)).isEmpty();
  }

  @Test
  void parsesOnlyWellFormedIds() {
    assertThat(EventId.parse("k3x9-12")).contains(new EventId("k3x9", 12));
    assertThat(EventId.parse("nonsense")).isEmpty();
    assertThat(EventId.parse("a-b")).isEmpty();
    assertThat(EventId.parse(null)).isEmpty();
  }

  private static Frame frame(long seq) {
    return Frame.event(new EventId(BOOT, seq), "incident.updated", "{}", true);
  }
}
