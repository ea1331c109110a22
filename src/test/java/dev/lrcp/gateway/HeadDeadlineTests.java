package dev.lrcp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When the data plane's head deadline runs, on an embedded channel with a hand-moved clock. */
class HeadDeadlineTests {

  static final String GET = "GET /v1/models HTTP/1.1\r\nHost: x\r\n\r\n";

  EmbeddedChannel channel;

  @BeforeEach
  void connect() {
    var head = new HeadDeadline(Duration.ofSeconds(10));
    channel = new EmbeddedChannel(head.bytes(), new HttpServerCodec(), head.heads());
    channel.freezeTime();
  }

  void send(String text) {
    channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
    Object decoded;
    while ((decoded = channel.readInbound()) != null) {
      ReferenceCountUtil.release(decoded);
    }
  }

  void wait(int seconds) {
    channel.advanceTimeBy(seconds, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
  }

  @Test
  void aHeadStillIncompleteAtTheDeadlineClosesTheConnection() {
    send("GET /v1/models HTTP/1.1\r\nHost: x\r\n");
    wait(9);
    send("X-Slow: a");
    assertThat(channel.isOpen()).isTrue();

    wait(2);

    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void aHeadCompletedInTimeStopsTheClock() {
    send("GET /v1/models HTTP/1.1\r\n");
    wait(9);
    send("Host: x\r\n\r\n");

    wait(60);

    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void anIdleKeepAliveConnectionIsLeftToTheIdleTimeout() {
    send(GET);

    wait(60);

    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void eachRequestOnAConnectionGetsItsOwnDeadline() {
    send(GET);
    wait(60);
    send("GET /v1/models HTTP/1.1\r\n");

    wait(11);

    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void aBodyIsNotPartOfTheHead() {
    send("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nab");

    wait(30);

    assertThat(channel.isOpen()).isTrue();
  }
}
