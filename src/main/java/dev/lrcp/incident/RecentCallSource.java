package dev.lrcp.incident;

import dev.lrcp.flow.CallRecord;
import dev.lrcp.health.RecentCalls;
import dev.lrcp.storage.CallRecordRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Rules read the in-memory recent calls (the health module's window: every replica's on a shared
 * PostgreSQL), which is cheap enough to scan every few seconds; the database is the durable copy,
 * read only for the part of a look-back the memory does not hold (after a restart, or past its
 * cap).
 */
@Component
class RecentCallSource implements CallSource {

  private final RecentCalls recent;
  private final CallRecordRepository stored;

  RecentCallSource(RecentCalls recent, CallRecordRepository stored) {
    this.recent = recent;
    this.stored = stored;
  }

  @Override
  public List<CallRecord> between(Instant from, Instant to) {
    return recent.between(from, to);
  }

  @Override
  public List<CallRecord> history(Instant from, Instant to) {
    Instant complete = recent.completeSince();
    if (!complete.isAfter(from)) {
      return between(from, to);
    }
    var calls = new ArrayList<>(stored.between(from, complete.isBefore(to) ? complete : to));
    if (complete.isBefore(to)) {
      calls.addAll(between(complete, to));
    }
    return calls;
  }
}
