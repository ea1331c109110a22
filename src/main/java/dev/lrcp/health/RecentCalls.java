package dev.lrcp.health;

import dev.lrcp.flow.CallFlow;
import dev.lrcp.flow.CallRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The last 35 minutes (configurable; the incident baseline reads 30 of them) of call records.
 * Appending is lock-free and O(1), so the listener never slows a request; reads copy the requested
 * window, ordered by the time each call finished.
 */
@Component
public class RecentCalls {

  /**
   * How far out of order records may arrive: a record whose answer is scored in the background is
   * published up to {@link CallFlow#QUALITY_WAIT} after its call finished.
   */
  static final Duration DISORDER = CallFlow.QUALITY_WAIT.plusSeconds(5);

  private final ConcurrentLinkedDeque<CallRecord> calls = new ConcurrentLinkedDeque<>();
  private final AtomicInteger size = new AtomicInteger();
  private final HealthProperties properties;
  private final Clock clock;
  private final Instant started;
  private volatile boolean dropped;

  public RecentCalls(HealthProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
    this.started = clock.instant();
  }

  /** Appends, then trims the oldest calls by age and by count. */
  @EventListener
  void on(CallRecord call) {
    calls.addLast(call);
    size.incrementAndGet();
    Instant oldest = clock.instant().minus(properties.retention());
    CallRecord head;
    while ((head = calls.peekFirst()) != null
        && (size.get() > properties.maxSamples() || head.at().isBefore(oldest))) {
      if (calls.pollFirst() != null) {
        size.decrementAndGet();
        dropped = true;
      }
    }
  }

  /** Calls that finished in [from, to), oldest first. */
  public List<CallRecord> between(Instant from, Instant to) {
    var result = new ArrayList<CallRecord>();
    Instant stop = from.minus(DISORDER);
    var it = calls.descendingIterator();
    while (it.hasNext()) {
      CallRecord call = it.next();
      if (call.at().isBefore(stop)) {
        break;
      }
      if (!call.at().isBefore(from) && call.at().isBefore(to)) {
        result.add(call);
      }
    }
    var ordered = result.reversed(); // arrival order, which the stable sort keeps for equal times
    ordered.sort(Comparator.comparing(CallRecord::at));
    return ordered;
  }

  /**
   * The time of the oldest call still held once any call has been dropped (older than the
   * retention, or over the cap), else null: a window reaching back before it holds only the calls
   * since then.
   */
  Instant callsHeldSince() {
    CallRecord head = calls.peekFirst();
    return dropped && head != null ? head.at() : null;
  }

  /**
   * Since when every call is held: since this replica started, or since the oldest call kept once
   * any was dropped. Earlier calls are only in storage.
   */
  public Instant completeSince() {
    Instant held = callsHeldSince();
    return held != null && held.isAfter(started) ? held : started;
  }
}
