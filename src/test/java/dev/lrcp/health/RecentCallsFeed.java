package dev.lrcp.health;

import dev.lrcp.flow.CallRecord;

/** Hands call records to a {@link RecentCalls} outside Spring, as the event would. */
public final class RecentCallsFeed {

  private RecentCallsFeed() {}

  public static void add(RecentCalls recent, CallRecord call) {
    recent.on(call);
  }
}
