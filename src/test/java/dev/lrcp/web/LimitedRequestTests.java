package dev.lrcp.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class LimitedRequestTests {

  final AtomicLong nanos = new AtomicLong();
  final LimitedRequest.BodyDeadline deadline =
      new LimitedRequest.BodyDeadline(0, Duration.ofSeconds(20), nanos::get);

  LimitedRequest request(String body, long limit) {
    var raw = new MockHttpServletRequest("POST", "/qa");
    raw.setContent(body.getBytes(StandardCharsets.UTF_8));
    return new LimitedRequest(raw, limit, deadline);
  }

  @Test
  void aBodyReadBeforeItsDeadlineIsReadWhole() throws Exception {
    InputStream in = request("{\"question\":\"q\"}", 1000).getInputStream();
    nanos.set(Duration.ofSeconds(19).toNanos());

    assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("{\"question\":\"q\"}");
  }

  @Test
  void bytesArrivingAfterTheDeadlineEndTheRequest() throws Exception {
    InputStream in = request("{\"question\":\"q\"}", 1000).getInputStream();
    assertThat(in.read()).isEqualTo('{');
    nanos.set(Duration.ofSeconds(21).toNanos());

    assertThatThrownBy(in::read)
        .isInstanceOf(RequestBodyTimeoutException.class)
        .hasMessageContaining("20 s")
        .extracting(e -> ((RequestBodyTimeoutException) e).getStatusCode().value())
        .isEqualTo(408);
  }

  @Test
  void aBodyPastTheLimitIsRefusedWhileReading() throws Exception {
    InputStream in = request("x".repeat(20), 10).getInputStream();

    assertThatThrownBy(in::readAllBytes).isInstanceOf(RequestTooLargeException.class);
  }
}
