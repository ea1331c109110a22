package dev.lrcp.health;

import dev.lrcp.llm.LlmCallCompleted;
import dev.lrcp.quality.AnswerScored;
import dev.lrcp.security.PromptScanned;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The last 35 minutes (configurable; the incident baseline reads 30 of them) of call facts, scans
 * and scores, in arrival order. Appending is lock-free and O(1), so the listeners never slow a
 * request; reads copy the requested window.
 */
@Component
public class RecentCalls {

  private final Log<LlmCallCompleted> calls;
  private final Log<PromptScanned> scans;
  private final Log<AnswerScored> scores;

  public RecentCalls(HealthProperties properties, Clock clock) {
    this.calls = new Log<>(LlmCallCompleted::at, properties, clock);
    this.scans = new Log<>(PromptScanned::at, properties, clock);
    this.scores = new Log<>(AnswerScored::at, properties, clock);
  }

  @EventListener
  void on(LlmCallCompleted call) {
    calls.add(call);
  }

  @EventListener
  void on(PromptScanned scan) {
    scans.add(scan);
  }

  @EventListener
  void on(AnswerScored score) {
    scores.add(score);
  }

  /** Calls that completed in [from, to), each joined with its scan and score when known. */
  public List<CallSample> between(Instant from, Instant to) {
    var callsIn = calls.between(from, to, c -> true);
    var scanById =
        index(scans.between(from.minusSeconds(300), to, s -> true), PromptScanned::promptId);
    var scoreById =
        index(scores.between(from, to.plusSeconds(60), s -> true), AnswerScored::promptId);
    return callsIn.stream()
        .map(c -> new CallSample(c, scoreById.get(c.promptId()), scanById.get(c.promptId())))
        .toList();
  }

  /**
   * The time of the oldest call still held once any call has been dropped (older than the
   * retention, or over the cap), else null: a window reaching back before it holds only the calls
   * since then.
   */
  Instant callsHeldSince() {
    return calls.heldSince();
  }

  List<LlmCallCompleted> calls(Instant from, Instant to, Predicate<LlmCallCompleted> filter) {
    return calls.between(from, to, filter);
  }

  List<PromptScanned> scans(Instant from, Instant to, Predicate<PromptScanned> filter) {
    return scans.between(from, to, filter);
  }

  List<AnswerScored> scores(Instant from, Instant to, Predicate<AnswerScored> filter) {
    return scores.between(from, to, filter);
  }

  private static <T> HashMap<String, T> index(List<T> items, Function<T, String> id) {
    var map = new HashMap<String, T>();
    items.forEach(item -> map.put(id.apply(item), item));
    return map;
  }

  /** An append-only, time-ordered log trimmed by age and size on every append. */
  private static final class Log<T> {
    private final ConcurrentLinkedDeque<T> items = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();
    private final Function<T, Instant> time;
    private final HealthProperties properties;
    private final Clock clock;
    private volatile boolean dropped;

    Log(Function<T, Instant> time, HealthProperties properties, Clock clock) {
      this.time = time;
      this.properties = properties;
      this.clock = clock;
    }

    void add(T item) {
      items.addLast(item);
      size.incrementAndGet();
      Instant oldest = clock.instant().minus(properties.retention());
      T head;
      while ((head = items.peekFirst()) != null
          && (size.get() > properties.maxSamples() || time.apply(head).isBefore(oldest))) {
        if (items.pollFirst() != null) {
          size.decrementAndGet();
          if (!dropped) {
            dropped = true;
          }
        }
      }
    }

    Instant heldSince() {
      T head = items.peekFirst();
      return dropped && head != null ? time.apply(head) : null;
    }

    List<T> between(Instant from, Instant to, Predicate<T> filter) {
      var result = new ArrayList<T>();
      var it = items.descendingIterator();
      while (it.hasNext()) {
        T item = it.next();
        Instant at = time.apply(item);
        if (at.isBefore(from)) {
          break;
        }
        if (at.isBefore(to) && filter.test(item)) {
          result.add(item);
        }
      }
      return result.reversed();
    }
  }
}
