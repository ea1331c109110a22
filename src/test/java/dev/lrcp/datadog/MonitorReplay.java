package dev.lrcp.datadog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * Replays monitor definitions against a recorded metric series, minute by minute, and records who
 * each status change would notify: metric monitors ({@link ThresholdReplay}), composites ({@link
 * CompositeReplay}) and SLO burn-rate alerts ({@link SloReplay}). Limits: evaluation every minute
 * with no evaluation delay or new-group delay, exact percentiles, and no {@code anomalies()} or
 * {@code forecast()} monitors (listed in {@link Result#notReplayed()}).
 */
final class MonitorReplay {

  /**
   * One notification: the monitor, the group and its environment, the transition ({@code
   * OK->ALERT}, {@code renotify ALERT}, ...) and the handles the rendered message reaches.
   */
  record Notification(
      int minute,
      String monitor,
      String env,
      Map<String, String> group,
      String transition,
      List<String> handles) {

    /** A new PagerDuty page: a trigger (not a recovery or a re-notification) reaching PagerDuty. */
    boolean isPage() {
      return handles.stream().anyMatch(h -> h.startsWith("pagerduty-"))
          && (transition.endsWith("->ALERT") || transition.endsWith("->NO_DATA"));
    }

    boolean isTrigger() {
      return !transition.endsWith("->OK") && !transition.startsWith("renotify");
    }
  }

  record Result(List<Notification> notifications, Set<String> notReplayed) {}

  /** A monitor replayed: its next statuses per group, and what is known about it. */
  interface Rule {
    Map<Map<String, String>, ReplayStatus> next(int minute, Tracker tracker);
  }

  private final Map<String, Tracker> trackers = new LinkedHashMap<>();
  private final Set<String> notReplayed = new TreeSet<>();

  MonitorReplay(List<Asset> assets, ReplaySeries series, MetricCatalog catalog) {
    var replay = new QueryReplay(series, catalog);
    List<Asset> composites = new ArrayList<>();
    for (Asset a : assets) {
      if (a.kind() != AssetKind.MONITORS) continue;
      if (a.isComposite()) composites.add(a);
      else
        rule(a, assets, replay)
            .ifPresentOrElse(
                r -> trackers.put(a.id(), new Tracker(a, r, env(a, assets))),
                () -> notReplayed.add(a.id()));
    }
    for (Asset c : composites) { // composites read the trackers above, so they run after them
      var rule =
          new CompositeReplay(CompositeQuery.parse(c.body().path("query").asText()), trackers);
      trackers.put(c.id(), new Tracker(c, rule, null));
    }
  }

  /** Evaluates every minute from {@code from} to {@code to}; notifications from minute 0 on. */
  Result run(int from, int to) {
    List<Notification> out = new ArrayList<>();
    for (int minute = from; minute <= to; minute++) {
      for (Tracker t : trackers.values()) {
        List<Notification> sent = t.step(minute);
        if (minute >= 0) out.addAll(sent);
      }
    }
    return new Result(out, notReplayed);
  }

  private static java.util.Optional<Rule> rule(Asset a, List<Asset> assets, QueryReplay replay) {
    JsonNode body = a.body();
    String query = body.path("query").asText();
    if (body.path("type").asText().equals("slo alert")) {
      Matcher m = MonitorRules.BURN_RATE.matcher(query);
      Asset slo = m.matches() ? AssetLinter.find(assets, AssetKind.SLOS, m.group(1)) : null;
      if (slo == null || slo.body().path("type").asText().equals("monitor")) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(new BurnRateRule(m, new SloReplay(slo.body(), replay), body));
    }
    ParsedQuery parsed = MetricQueryParser.parseMonitor(query);
    if (parsed.functions().contains("anomalies") || parsed.functions().contains("forecast")) {
      return java.util.Optional.empty();
    }
    var threshold = new ThresholdReplay(parsed, body.path("options"), replay);
    return java.util.Optional.of((minute, tracker) -> threshold.next(minute, tracker::status));
  }

  /**
   * The environment of a burn-rate alert, which has no groups: its SLO's {@code env:} filter, else
   * all; null for other monitors, whose groups carry theirs.
   */
  private static String env(Asset a, List<Asset> assets) {
    Matcher m = MonitorRules.BURN_RATE.matcher(a.body().path("query").asText());
    if (!m.matches()) return null;
    Asset slo = AssetLinter.find(assets, AssetKind.SLOS, m.group(1));
    if (slo == null || !AlertPolicy.isProductionOnly(slo.body())) return "all";
    return SloRules.PRODUCTION.substring("env:".length());
  }

  /** A burn-rate alert: both windows above the threshold; it has one group. */
  private record BurnRateRule(Matcher query, SloReplay slo, JsonNode monitor) implements Rule {
    @Override
    public Map<Map<String, String>, ReplayStatus> next(int minute, Tracker tracker) {
      int longWindow = window(query.group(3), query.group(4));
      int shortWindow = window(query.group(5), query.group(6));
      double burn =
          Math.min(
              slo.burnRate(query.group(2), longWindow, minute),
              slo.burnRate(query.group(2), shortWindow, minute));
      if (Double.isNaN(burn)) return Map.of();
      JsonNode t = monitor.at("/options/thresholds");
      ReplayStatus status =
          burn > t.path("critical").asDouble()
              ? ReplayStatus.ALERT
              : t.has("warning") && burn > t.get("warning").asDouble()
                  ? ReplayStatus.WARN
                  : ReplayStatus.OK;
      return Map.of(QueryReplay.NO_GROUP, status);
    }

    private static int window(String amount, String unit) {
      return Integer.parseInt(amount) * (unit.equals("h") ? 60 : 1);
    }
  }
}
