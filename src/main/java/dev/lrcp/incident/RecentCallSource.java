package dev.lrcp.incident;

import dev.lrcp.flow.CallRecord;
import dev.lrcp.health.RecentCalls;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Rules read this replica's in-memory recent calls (the health module's window), which is cheap
 * enough to scan every few seconds; the database is the durable copy, not the detection input.
 */
@Component
class RecentCallSource implements CallSource {

  private final RecentCalls recent;

  RecentCallSource(RecentCalls recent) {
    this.recent = recent;
  }

  @Override
  public List<CallRecord> between(Instant from, Instant to) {
    return recent.between(from, to);
  }
}
