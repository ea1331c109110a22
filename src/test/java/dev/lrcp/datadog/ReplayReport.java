package dev.lrcp.datadog;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a replay of one scenario sent, per environment: pages (new PagerDuty incidents), channel and
 * ticket alerts, re-notifications, and the monitors that triggered. {@link #main} prints it for any
 * assets folder, e.g. to compare a branch's assets with another's.
 */
record ReplayReport(String scenario, MonitorReplay.Result result) {

  static final List<String> SCENARIOS =
      List.of("provider-outage", "latency-spike", "quiet-night", "drill");

  /** Warm-up minutes before the recording, so windows start full and states settle. */
  static final int WARM_UP = 60;

  static ReplayReport of(String scenario, List<Asset> assets) {
    ReplaySeries series = ReplayScenario.load(scenario);
    var replay = new MonitorReplay(assets, series, MetricCatalog.fromClasspath());
    return new ReplayReport(scenario, replay.run(-WARM_UP, series.lastMinute()));
  }

  long pages(String env) {
    return inEnv(env).filter(MonitorReplay.Notification::isPage).count();
  }

  long alerts(String env, String handlePrefix) {
    return inEnv(env)
        .filter(MonitorReplay.Notification::isTrigger)
        .filter(n -> n.handles().stream().anyMatch(h -> h.startsWith(handlePrefix)))
        .count();
  }

  long renotifications(String env) {
    return inEnv(env).filter(n -> n.transition().startsWith("renotify")).count();
  }

  /**
   * Monitors that notified someone of a trigger in the environment (or paged, if {@code pages}).
   */
  TreeSet<String> notified(String env, boolean pages) {
    return inEnv(env)
        .filter(MonitorReplay.Notification::isTrigger)
        .filter(n -> pages ? n.isPage() : !n.handles().isEmpty())
        .map(MonitorReplay.Notification::monitor)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  TreeSet<String> environments() {
    return result.notifications().stream()
        .map(MonitorReplay.Notification::env)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private java.util.stream.Stream<MonitorReplay.Notification> inEnv(String env) {
    return result.notifications().stream().filter(n -> n.env().equals(env));
  }

  String table() {
    Map<String, String> rows = new TreeMap<>();
    for (String env : environments()) {
      rows.put(
          env,
          String.format(
              "%-16s %-8s pages %d %s, channel %d, tickets %d, re-notifications %d; notified by %s",
              scenario,
              env,
              pages(env),
              notified(env, true),
              alerts(env, "slack-"),
              alerts(env, "jira-"),
              renotifications(env),
              notified(env, false)));
    }
    if (rows.isEmpty()) return String.format("%-16s nothing triggered", scenario);
    return String.join("\n", rows.values());
  }

  /** {@code java ... ReplayReport [assets dir]}: the table for every scenario. */
  public static void main(String[] args) {
    List<Asset> assets = AssetLoader.load(Path.of(args.length > 0 ? args[0] : "datadog"));
    for (String scenario : SCENARIOS) {
      ReplayReport report = of(scenario, assets);
      System.out.println(report.table());
      if (!report.result().notReplayed().isEmpty()) {
        System.out.println("  not replayed: " + report.result().notReplayed());
      }
    }
  }
}
