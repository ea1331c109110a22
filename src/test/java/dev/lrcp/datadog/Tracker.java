package dev.lrcp.datadog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One replayed monitor's status per group and the notifications its changes send: the message is
 * rendered for the transition ({@link NotificationTemplate}) and its handles recorded. Groups that
 * stay in a status listed in {@code renotify_statuses} re-notify every {@code renotify_interval}.
 */
final class Tracker {

  private final Asset monitor;
  private final MonitorReplay.Rule rule;
  private final String env;
  private final Map<Map<String, String>, ReplayStatus> status = new HashMap<>();
  private final Map<Map<String, String>, Integer> lastNotified = new HashMap<>();

  /**
   * @param env the environment of an ungrouped monitor, or null to take the group's
   */
  Tracker(Asset monitor, MonitorReplay.Rule rule, String env) {
    this.monitor = monitor;
    this.rule = rule;
    this.env = env;
  }

  ReplayStatus status(Map<String, String> group) {
    return status.getOrDefault(group, ReplayStatus.OK);
  }

  Map<Map<String, String>, ReplayStatus> statuses() {
    return status;
  }

  List<MonitorReplay.Notification> step(int minute) {
    List<MonitorReplay.Notification> sent = new ArrayList<>();
    Set<Map<String, String>> changed = new HashSet<>();
    rule.next(minute, this)
        .forEach(
            (group, next) -> {
              ReplayStatus before = status(group);
              status.put(group, next);
              if (next != before) {
                changed.add(group);
                sent.add(notify(minute, group, before + "->" + next, conditions(before, next)));
              }
            });
    // a group keeps re-notifying while it stays triggered, with or without new data
    status.forEach(
        (group, now) -> {
          if (!changed.contains(group) && renotifies(minute, group, now)) {
            Set<String> c = conditions(ReplayStatus.OK, now);
            c.add("is_renotify");
            sent.add(notify(minute, group, "renotify " + now, c));
          }
        });
    return sent;
  }

  private boolean renotifies(int minute, Map<String, String> group, ReplayStatus now) {
    JsonNode options = monitor.body().path("options");
    int interval = options.path("renotify_interval").asInt(0);
    if (interval <= 0 || now == ReplayStatus.OK) return false;
    Set<String> statuses = new HashSet<>(List.of("alert", "no data"));
    if (options.has("renotify_statuses")) {
      statuses.clear();
      options.get("renotify_statuses").forEach(s -> statuses.add(s.asText()));
    }
    String name = now == ReplayStatus.NO_DATA ? "no data" : now.name().toLowerCase();
    return statuses.contains(name) && minute - lastNotified.getOrDefault(group, minute) >= interval;
  }

  private MonitorReplay.Notification notify(
      int minute, Map<String, String> group, String transition, Set<String> conditions) {
    lastNotified.put(group, minute);
    String rendered =
        NotificationTemplate.render(
            monitor.body().path("message").asText(),
            new NotificationTemplate.Event(conditions, group));
    return new MonitorReplay.Notification(
        minute,
        monitor.id(),
        env != null ? env : group.getOrDefault("env", "all"),
        group,
        transition,
        NotificationTemplate.handles(rendered));
  }

  /** The state variables of a message for a transition, as Datadog sets them. */
  static Set<String> conditions(ReplayStatus from, ReplayStatus to) {
    Set<String> c = new HashSet<>();
    switch (to) {
      case ALERT -> c.add("is_alert");
      case WARN -> {
        c.add("is_warning");
        if (from == ReplayStatus.ALERT) c.add("is_alert_to_warning");
      }
      case NO_DATA -> c.add("is_no_data");
      case OK -> {
        c.add("is_recovery");
        c.add(
            switch (from) {
              case ALERT -> "is_alert_recovery";
              case WARN -> "is_warning_recovery";
              default -> "is_no_data_recovery";
            });
      }
    }
    return c;
  }
}
