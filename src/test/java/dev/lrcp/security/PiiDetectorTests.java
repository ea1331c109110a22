package dev.lrcp.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PiiDetectorTests {

  @Test
  void findsEmailPhoneCardAndKeys() {
    assertThat(PiiDetector.detect("write to jane.doe@example.com")).containsExactly("email");
    assertThat(PiiDetector.detect("call me on +44 20 7946 0958")).containsExactly("phone");
    assertThat(PiiDetector.detect("card 4111 1111 1111 1111 exp 12/29")).contains("card");
    assertThat(PiiDetector.detect("key sk-proj-abcdefghijklmnopqrstuvwx1234")).contains("api_key");
    assertThat(PiiDetector.detect("AKIAIOSFODNN7EXAMPLE")).containsExactly("api_key");
    assertThat(PiiDetector.detect("Authorization: Bearer 9fQ2xLr7Tz0bWm4Kp8Vn3Hs6Jd1Ya5Ce"))
        .containsExactly("api_key");
  }

  @Test
  void cardNumbersMustPassTheLuhnCheck() {
    assertThat(PiiDetector.luhn("4111111111111111")).isTrue();
    assertThat(PiiDetector.luhn("4111111111111112")).isFalse();
    assertThat(PiiDetector.detect("order 4111 1111 1111 1112")).doesNotContain("card");
  }

  @Test
  void ordinaryTextHasNone() {
    assertThat(PiiDetector.detect("The meeting is on 12 March 2025 at 10:30 in room 4.")).isEmpty();
    assertThat(PiiDetector.detect("Our token budget is large this quarter.")).isEmpty();
  }
}
