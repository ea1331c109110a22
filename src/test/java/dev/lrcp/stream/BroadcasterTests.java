package dev.lrcp.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class BroadcasterTests {

  private final Broadcaster broadcaster =
      new Broadcaster(
          JsonMapper.builder().build(),
          Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
          10);

  @Test
  void aClientThatMissedMoreThanItsQueueHoldsStillGetsTheWholeReplayThenReady() {
    String before = idOfReady(broadcaster.subscribe(null).orElseThrow());
    int missed = Subscriber.QUEUE * 3;
    for (int i = 1; i <= missed; i++) {
      broadcaster.publish("incident.updated", Map.of("n", i));
    }

    var resumed = broadcaster.subscribe(before).orElseThrow();
    String text = readUntilReady(resumed);

    List<String> ns =
        Pattern.compile("\"n\":(\\d+)").matcher(text).results().map(m -> m.group(1)).toList();
    assertThat(ns).hasSize(missed).first().isEqualTo("1");
    assertThat(ns.getLast()).isEqualTo(Integer.toString(missed));
    assertThat(text).doesNotContain("event: reset");
  }

  @Test
  void aClientThatFallsAQueueBehindIsDisconnectedAndOthersAreNot() {
    var slow = broadcaster.subscribe(null).orElseThrow();
    for (int i = 0; i < Subscriber.QUEUE; i++) {
      broadcaster.publish("incident.updated", Map.of("n", i));
    }
    assertThat(slow.isClosed()).as("a full queue is not yet an overflow").isFalse();

    var fresh = broadcaster.subscribe(null).orElseThrow();
    broadcaster.publish("incident.updated", Map.of("n", Subscriber.QUEUE));

    assertThat(slow.isClosed()).isTrue();
    assertThat(fresh.isClosed()).isFalse();
    assertThat(broadcaster.subscriberCount()).isEqualTo(1);
  }

  @Test
  void aNewClientGetsTheLatestStateWithoutAnIdAfterReady() {
    broadcaster.publishState("health", Map.of("score", 90));
    broadcaster.publishState("health", Map.of("score", 70));

    String text = readUntil(broadcaster.subscribe(null).orElseThrow(), "\"score\"");

    assertThat(text).doesNotContain("\"score\":90");
    assertThat(text.substring(text.indexOf("event: ready")))
        .contains("event: health\ndata: {\"score\":70}");
    assertThat(text.substring(text.indexOf("event: health"))).doesNotContain("id: ");
  }

  private static String idOfReady(Subscriber subscriber) {
    String text = readUntilReady(subscriber);
    var m = Pattern.compile("id: (\\S+)\nevent: ready").matcher(text);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static String readUntilReady(Subscriber subscriber) {
    return readUntil(subscriber, "event: ready");
  }

  /**
   * Runs the subscriber's writer on this thread into a buffer, until the buffer holds {@code
   * marker} and closes the subscription (which ends the writer).
   */
  private static String readUntil(Subscriber subscriber, String marker) {
    var buffer = new ByteArrayOutputStream();
    subscriber.drainTo(
        new OutputStream() {
          @Override
          public void write(int b) {
            buffer.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            buffer.write(b, off, len);
            if (buffer.toString(StandardCharsets.UTF_8).contains(marker)) {
              subscriber.close();
            }
          }
        });
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
