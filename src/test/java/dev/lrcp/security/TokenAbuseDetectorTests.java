package dev.lrcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TokenAbuseDetectorTests {

  static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-11-28T10:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final MutableClock clock = new MutableClock();

  @Test
  void flagsOneRequestOverTheCeiling() {
    TokenAbuseDetector d = new TokenAbuseDetector(clock, 100, 1_000_000, Duration.ofMinutes(1));

    assertThat(d.abusive("word ".repeat(50))).isFalse();
    assertThat(d.abusive("lorem ipsum dolor sit amet ".repeat(40))).isTrue();
  }

  @Test
  void flagsLongRepetitivePrompts() {
    TokenAbuseDetector d =
        new TokenAbuseDetector(clock, 1_000_000, 1_000_000, Duration.ofMinutes(1));

    assertThat(d.abusive("repeat this forever ".repeat(500))).isTrue();
  }

  @Test
  void flagsAClientOverItsBudgetWithinTheWindowAndForgetsOldUse() {
    TokenAbuseDetector d = new TokenAbuseDetector(clock, 10_000, 300, Duration.ofMinutes(1));
    String prompt = "word ".repeat(100).strip();
    assertThat(TokenAbuseDetector.estimateTokens(prompt)).isEqualTo(100);

    assertThat(d.abusive(prompt, "client-a")).isFalse();
    assertThat(d.abusive(prompt, "client-a")).isFalse();
    assertThat(d.abusive(prompt, "client-b")).isFalse();
    assertThat(d.abusive(prompt, "client-a")).isFalse();
    assertThat(d.abusive(prompt, "client-a")).isTrue();

    clock.now = clock.now.plusSeconds(61);
    assertThat(d.abusive(prompt, "client-a")).isFalse();
  }

  @Test
  void usesLeaveTheBudgetOneByOneAsTheWindowSlides() {
    TokenAbuseDetector d = new TokenAbuseDetector(clock, 10_000, 250, Duration.ofMinutes(1));
    String prompt = "word ".repeat(100).strip();

    assertThat(d.abusive(prompt, "c")).isFalse(); // t=0: 100
    clock.now = clock.now.plusSeconds(30);
    assertThat(d.abusive(prompt, "c")).isFalse(); // t=30: 200
    clock.now = clock.now.plusSeconds(31);
    assertThat(d.abusive(prompt, "c")).as("the t=0 use has left").isFalse(); // t=61: 200
    assertThat(d.abusive(prompt, "c")).isTrue(); // t=61: 300
    clock.now = clock.now.plusSeconds(3_600);
    d.evictIdle();
    assertThat(d.abusive(prompt, "c")).isFalse(); // a fresh window after eviction: 100
  }

  @Test
  void countsTokensWithTheO200kEncoding() {
    assertThat(TokenAbuseDetector.estimateTokens("The quick brown fox jumps.")).isEqualTo(6);
  }
}
