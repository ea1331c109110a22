package dev.lrcp.telemetry;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.event.KeyValuePair;

/**
 * Logback's {@link AsyncAppender} with two rules fixed: a logging thread never waits (a slow or
 * blocked stdout must not stall a request) and an event is dropped only when the queue is full,
 * whatever its level. Drops are counted, and once the queue has room again one WARN event says how
 * many were lost ({@code dropped_log_events}), so an overload is visible in the log stream itself.
 * The count is a lower bound: when two threads race for the last slot, logback drops the loser
 * without telling us.
 *
 * <p>The caller's MDC (the agent's {@code dd.trace_id}/{@code dd.span_id}), key-value pairs, thread
 * name and formatted message are captured on the calling thread by {@code
 * prepareForDeferredProcessing}; caller data is not (it costs a stack walk). On stop (Spring Boot
 * stops logback after the application context closes) the queue is written out for at most {@code
 * maxFlushTime} ms.
 */
public final class DroppingAsyncAppender extends AsyncAppender {

  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong unreported = new AtomicLong();

  @Override
  public void start() {
    // logback asks isDiscardable only while remaining capacity < threshold, i.e. when full ...
    setDiscardingThreshold(1);
    // ... and never waits when two threads race for the last slot
    setNeverBlock(true);
    super.start();
  }

  /** Events dropped since start because the queue was full. */
  public long droppedEvents() {
    return dropped.get();
  }

  @Override
  protected boolean isDiscardable(ILoggingEvent event) {
    dropped.incrementAndGet();
    unreported.incrementAndGet();
    return true;
  }

  /** The loss report goes first, ahead of the event that found the queue with room again. */
  @Override
  protected void append(ILoggingEvent event) {
    if (unreported.get() > 0 && getRemainingCapacity() > getQueueSize() / 2) {
      long lost = unreported.getAndSet(0);
      if (lost > 0) {
        super.append(dropReport(lost));
      }
    }
    super.append(event);
  }

  private ILoggingEvent dropReport(long lost) {
    var logger = ((LoggerContext) getContext()).getLogger(DroppingAsyncAppender.class);
    var report =
        new LoggingEvent(
            DroppingAsyncAppender.class.getName(),
            logger,
            Level.WARN,
            "{} log events dropped: the log queue was full (output slower than logging)",
            null,
            new Object[] {lost});
    report.addKeyValuePair(new KeyValuePair("dropped_log_events", lost));
    return report;
  }
}
