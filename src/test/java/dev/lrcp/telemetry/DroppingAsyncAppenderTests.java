package dev.lrcp.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

/**
 * The asynchronous JSON appender in front of stdout, against an output that blocks until released:
 * logging never waits for it, call-site context survives the hand-over, a full queue drops and
 * reports the loss, and stopping writes out what is queued.
 */
class DroppingAsyncAppenderTests {

  /** A hang guard, not a measurement: a logging call that blocked would never return. */
  private static final Duration GUARD = Duration.ofSeconds(30);

  private final LoggerContext context = new LoggerContext();
  private final GatedOutput output = new GatedOutput();
  private final DroppingAsyncAppender async = new DroppingAsyncAppender();
  private final Logger logger = context.getLogger("dev.lrcp.telemetry.calls");

  private void start(int queueSize) {
    context.setMDCAdapter(new LogbackMDCAdapter());
    context.start();
    output.setContext(context);
    output.start();
    async.setContext(context);
    async.setQueueSize(queueSize);
    async.setMaxFlushTime((int) GUARD.toMillis());
    async.addAppender(output);
    async.start();
    logger.addAppender(async);
    logger.setAdditive(false);
  }

  @AfterEach
  void stop() {
    output.open();
    context.stop();
  }

  @Test
  void aFullQueueDropsInsteadOfBlockingAndTheLossIsReportedOnce() {
    start(4);

    assertTimeoutPreemptively(
        GUARD,
        () -> {
          for (int i = 0; i < 50; i++) {
            logger.info("call {}", i);
          }
        });
    long dropped = async.droppedEvents();
    output.open();
    await(() -> async.getNumberOfElementsInQueue() == 0);
    logger.info("after");
    context.stop();

    // 4 queued; before it blocks on the output the worker may have drained one batch of up to 4
    // more, plus the event that found room after it
    assertThat(dropped).isBetween(41L, 46L);
    List<ILoggingEvent> written = output.events;
    // a loss is reported by the first event that finds the queue half free again: once at the end,
    // and once more mid-run when the worker drained only after the first drops
    List<ILoggingEvent> reports = written.stream().filter(e -> e.getLevel() == Level.WARN).toList();
    assertThat(reports).isNotEmpty().hasSizeLessThanOrEqualTo(2);
    assertThat(reports)
        .allSatisfy(
            r ->
                assertThat(r.getFormattedMessage())
                    .startsWith(fields(r).get("dropped_log_events") + " log events dropped"));
    assertThat(reports.stream().mapToLong(r -> (Long) fields(r).get("dropped_log_events")).sum())
        .isEqualTo(dropped);
    List<String> calls =
        written.stream()
            .filter(e -> e.getLevel() == Level.INFO)
            .map(ILoggingEvent::getFormattedMessage)
            .toList();
    assertThat(calls).hasSize(50 - (int) dropped + 1).last().isEqualTo("after");
    List<Integer> order =
        calls.subList(0, calls.size() - 1).stream()
            .map(m -> Integer.parseInt(m.substring("call ".length())))
            .toList();
    assertThat(order).isSorted().doesNotHaveDuplicates();
    assertThat(written.get(written.size() - 2)).isSameAs(reports.getLast());
  }

  @Test
  void mdcKeyValuesAndMessageAreCapturedOnTheCallingThread() {
    start(16);
    var mdc = context.getMDCAdapter();

    mdc.put("dd.trace_id", "6b0a9be2000000002b45e360216ab059");
    logger.atInfo().addKeyValue("model", "gemini-2.5-flash").log("llm_call {}", "/qa");
    mdc.clear();
    output.open();
    context.stop();

    ILoggingEvent event = output.events.getFirst();
    assertThat(event.getMDCPropertyMap())
        .containsEntry("dd.trace_id", "6b0a9be2000000002b45e360216ab059");
    assertThat(fields(event)).containsEntry("model", "gemini-2.5-flash");
    assertThat(event.getFormattedMessage()).isEqualTo("llm_call /qa");
    assertThat(event.getThreadName()).isEqualTo(Thread.currentThread().getName());
  }

  @Test
  void stoppingWritesOutEverythingStillQueued() {
    start(64);
    for (int i = 0; i < 40; i++) {
      logger.info("call {}", i);
    }

    output.open();
    context.stop();

    assertThat(output.events).hasSize(40);
    assertThat(async.droppedEvents()).isZero();
  }

  private static Map<String, Object> fields(ILoggingEvent event) {
    return event.getKeyValuePairs().stream()
        .collect(Collectors.toMap(kv -> kv.key, (KeyValuePair kv) -> kv.value));
  }

  private static void await(BooleanSupplier done) {
    Instant deadline = Instant.now().plus(GUARD);
    while (!done.getAsBoolean()) {
      assertThat(Instant.now()).as("condition not met before the deadline").isBefore(deadline);
      Thread.onSpinWait();
    }
  }

  /** Stands in for a stdout that does not drain until {@link #open()}. */
  private static final class GatedOutput extends AppenderBase<ILoggingEvent> {
    private final CountDownLatch gate = new CountDownLatch(1);
    final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

    void open() {
      gate.countDown();
    }

    @Override
    protected void append(ILoggingEvent event) {
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      events.add(event);
    }
  }
}
