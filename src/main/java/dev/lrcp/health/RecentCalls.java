package dev.lrcp.health;

import dev.lrcp.flow.CallFlow;
import dev.lrcp.flow.CallRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The last 35 minutes (configurable; the incident baseline reads 30 of them) of call records: this
 * replica's, and on a shared PostgreSQL also every other replica's ({@link ClusterCalls}), so the
 * windows, rules and insights read the same calls on every replica. Appending is lock-free and
 * O(1), so the listener never slows a request; reads copy the requested window, ordered by the time
 * each call finished. Records are held as {@link CallRecordCompactor} leaves them.
 */
@Component
public class RecentCalls {

  /**
   * How far out of order records may arrive: a record whose answer is scored in the background is
   * published up to {@link CallFlow#QUALITY_WAIT} after its call finished, and another replica's
   * record arrives from storage after its writer's flush and a poll (seconds; more while a write
   * waits for a busy database). Reads scan this much past a window's start.
   */
  static final Duration DISORDER = CallFlow.QUALITY_WAIT.plusSeconds(50);

  private final ConcurrentLinkedDeque<CallRecord> calls = new ConcurrentLinkedDeque<>();
  private final AtomicInteger size = new AtomicInteger();
  private final CallRecordCompactor compactor = new CallRecordCompactor();
  private final HealthProperties properties;
  private final Clock clock;
  private volatile Instant started;
  private volatile boolean dropped;
  // The prompt ids held, kept only once other replicas' calls are added: a replica reads its own
  // calls back from storage too, and must not count them twice.
  private volatile Set<String> held;

  public RecentCalls(HealthProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
    this.started = clock.instant();
  }

  /** Appends this replica's call, then trims the oldest calls by age and by count. */
  @EventListener
  void on(CallRecord call) {
    Set<String> ids = held;
    if (ids != null && call.promptId() != null) {
      ids.add(call.promptId());
    }
    append(call);
  }

  /** From now on, calls are also added from storage ({@link #addStored}); none is held twice. */
  void holdStoredCalls() {
    if (held == null) {
      Set<String> ids = ConcurrentHashMap.newKeySet();
      calls.stream().map(CallRecord::promptId).filter(Objects::nonNull).forEach(ids::add);
      held = ids;
    }
  }

  /**
   * Adds a call read back from storage (another replica's, or this one's before a restart) unless
   * it is held already, or finished more than {@link #DISORDER} before the latest call held: the
   * windows are read newest first and stop there, so such a call (held back by a database outage)
   * would hide others. Returns whether it was added.
   */
  boolean addStored(CallRecord call) {
    CallRecord last = calls.peekLast();
    if (last != null && call.at().isBefore(last.at().minus(DISORDER))) {
      return false;
    }
    if (call.promptId() != null && !held.add(call.promptId())) {
      return false;
    }
    append(call);
    return true;
  }

  /** Every call since {@code since} has been added from storage (the first read after start). */
  void completeFrom(Instant since) {
    if (since.isBefore(started)) {
      started = since;
    }
  }

  private void append(CallRecord call) {
    calls.addLast(compactor.compact(call));
    size.incrementAndGet();
    Instant oldest = clock.instant().minus(properties.retention());
    CallRecord head;
    while ((head = calls.peekFirst()) != null
        && (size.get() > properties.maxSamples() || head.at().isBefore(oldest))) {
      CallRecord gone = calls.pollFirst();
      if (gone != null) {
        size.decrementAndGet();
        dropped = true;
        Set<String> ids = held;
        if (ids != null && gone.promptId() != null) {
          ids.remove(gone.promptId());
        }
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
