package dev.lrcp.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PromptIdsTests {

  @Test
  void isAVersion7UuidCarryingItsMillisecond() {
    long at = 1_764_748_800_123L; // 2025-12-03T08:00:00.123Z
    UUID id = PromptIds.next(at, new SplittableRandom(1));
    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at);
    assertThat(UUID.fromString(PromptIds.next()).version()).isEqualTo(7);
  }

  @Test
  void laterIdsSortLaterAsText() {
    var random = new SplittableRandom(7);
    String earlier = PromptIds.next(1_000_000L, random).toString();
    String later = PromptIds.next(1_000_001L, random).toString();
    assertThat(later).isGreaterThan(earlier);
  }

  @Test
  void idsInTheSameMillisecondDiffer() {
    var seen = new HashSet<String>();
    for (int i = 0; i < 10_000; i++) {
      seen.add(PromptIds.next());
    }
    assertThat(seen).hasSize(10_000);
  }
}
