package dev.lrcp.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryAfterTests {

  @Test
  void readsMillisecondsBeforeSecondsAndSecondsBeforeDates() {
    assertThat(RetryAfter.fromHeaders("250", "9", null)).contains(Duration.ofMillis(250));
    assertThat(RetryAfter.fromHeaders(null, "9", null)).contains(Duration.ofSeconds(9));
    assertThat(RetryAfter.fromHeaders(null, "1.5", null)).contains(Duration.ofMillis(1500));
  }

  @Test
  void anHttpDateIsMeasuredAgainstTheResponsesOwnDate() {
    assertThat(
            RetryAfter.fromHeaders(
                null, "Wed, 21 Oct 2026 07:28:30 GMT", "Wed, 21 Oct 2026 07:28:00 GMT"))
        .contains(Duration.ofSeconds(30));
    assertThat(
            RetryAfter.fromHeaders(
                null, "Wed, 21 Oct 2026 07:27:00 GMT", "Wed, 21 Oct 2026 07:28:00 GMT"))
        .contains(Duration.ZERO);
    assertThat(RetryAfter.fromHeaders(null, "Wed, 21 Oct 2026 07:28:30 GMT", null)).isEmpty();
  }

  @Test
  void nonsenseIsNoWait() {
    assertThat(RetryAfter.fromHeaders(null, null, null)).isEmpty();
    assertThat(RetryAfter.fromHeaders("soon", "-3", "now")).isEmpty();
    assertThat(RetryAfter.fromHeaders(null, "99999999999999999999", null)).isEmpty();
  }

  @Test
  void readsGeminisWaitFromItsQuotaMessage() {
    assertThat(RetryAfter.fromMessage("You exceeded your current quota. Please retry in 13.4s."))
        .contains(Duration.ofMillis(13400));
    assertThat(RetryAfter.fromMessage("Resource has been exhausted")).isEmpty();
    assertThat(RetryAfter.fromMessage(null)).isEmpty();
  }
}
