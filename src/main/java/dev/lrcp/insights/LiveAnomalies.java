package dev.lrcp.insights;

import dev.lrcp.anomaly.AnomalyAttributor;
import dev.lrcp.anomaly.AnomalyScore;
import dev.lrcp.anomaly.Attribution;
import dev.lrcp.anomaly.SeriesAnomalyDetector;
import dev.lrcp.flow.CallRecord;
import dev.lrcp.health.HealthProperties;
import dev.lrcp.health.RecentCalls;
import dev.lrcp.health.Scope;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The anomaly detector live, on the recent calls in memory (every replica's on PostgreSQL): per
 * scope (the service, each endpoint, each model) and {@link LiveMeasure}, one value per {@link
 * #BUCKET_SECONDS} s bucket over what memory holds, each bucket scored from the ones before it
 * only. An anomaly in the last {@link #LISTED_SECONDS} s that held (most of the next buckets beyond
 * the usual band on its side) becomes a {@link Story}, attributed over the calls since against
 * those before; a story whose leading cause is another anomalous scope's value is told by that
 * scope's story.
 */
@Component
class LiveAnomalies {

  static final long BUCKET_SECONDS = 15;
  static final long LISTED_SECONDS = 600;

  /** Buckets before the anomaly that give its usual band (10 minutes). */
  private static final int BAND = 40;

  /** Buckets after the anomaly that must confirm it, and how many of them (75 s, 4 of 5). */
  private static final int AFTER = 5;

  private static final int HELD = 4;

  private final RecentCalls recent;
  private final HealthProperties properties;
  private final Clock clock;
  private final AnomalyAttributor attributor = AnomalyAttributor.standard();

  LiveAnomalies(RecentCalls recent, HealthProperties properties, Clock clock) {
    this.recent = recent;
    this.properties = properties;
    this.clock = clock;
  }

  /** The recent calls in whole buckets, their scopes and the anomalies told as stories. */
  record Recent(List<CallRecord> calls, List<Scope> scopes, List<Anomaly> anomalies) {

    List<Story> stories() {
      return anomalies.stream().map(Anomaly::story).toList();
    }
  }

  List<Anomaly> anomalies() {
    return read().anomalies();
  }

  Recent read() {
    Instant now = clock.instant();
    long end = Math.floorDiv(now.getEpochSecond(), BUCKET_SECONDS) * BUCKET_SECONDS;
    long start =
        Math.ceilDiv(now.minus(properties.retention()).getEpochSecond(), BUCKET_SECONDS)
            * BUCKET_SECONDS;
    // the bucket under way is left out: a partial bucket would look like a drop in requests
    var calls = recent.between(Instant.ofEpochSecond(start), Instant.ofEpochSecond(end));
    var scopes = scopes(calls);
    return new Recent(calls, scopes, find(calls, scopes, start, end));
  }

  private List<Anomaly> find(List<CallRecord> calls, List<Scope> scopes, long start, long end) {
    var found = new ArrayList<Anomaly>();
    for (Scope scope : scopes) {
      var buckets = Buckets.of(within(calls, scope), start, end, BUCKET_SECONDS);
      for (LiveMeasure m : LiveMeasure.values()) {
        latest(scope, m, buckets, end).ifPresent(found::add);
      }
    }
    return StorySelection.select(found);
  }

  /** The latest anomalous bucket of the series within the listed period, with its story. */
  private Optional<Anomaly> latest(Scope scope, LiveMeasure m, Buckets buckets, long end) {
    var points = buckets.series(m);
    if (points.size() <= BAND) {
      return Optional.empty();
    }
    AnomalyScore[] scores = SeriesAnomalyDetector.scoreAll(points.times(), points.values());
    for (int i = scores.length - 1 - AFTER; i >= BAND; i--) {
      if (points.times()[i] < end - LISTED_SECONDS) {
        break;
      }
      if (scores[i].anomaly() && held(points.values(), i)) {
        return Optional.of(anomaly(scope, m, buckets, points, i, scores[i].score()));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the change at {@code i} held: at least {@link #HELD} of the {@link #AFTER} buckets
   * after it lie beyond the usual band on the same side. A lone odd bucket is noise, not a story.
   */
  private static boolean held(double[] values, int i) {
    double[] before = Arrays.copyOfRange(values, i - BAND, i);
    double low = LiveMeasure.quantile(before, 0.10);
    double high = LiveMeasure.quantile(before, 0.90);
    boolean up = values[i] > high;
    if (!up && values[i] >= low) {
      return false;
    }
    int beyond = 0;
    for (int k = i + 1; k <= i + AFTER; k++) {
      beyond += (up ? values[k] > high : values[k] < low) ? 1 : 0;
    }
    return beyond >= HELD;
  }

  private Anomaly anomaly(
      Scope scope, LiveMeasure m, Buckets buckets, Buckets.Points points, int i, double score) {
    double[] before = Arrays.copyOfRange(points.values(), i - BAND, i);
    long at = points.times()[i];
    long from = points.times()[i - BAND];
    var baseline = buckets.calls(from, at);
    var since = buckets.calls(at, buckets.end());
    double scale = (double) (buckets.end() - at) / (at - from);
    Attribution a = attributor.attribute(baseline, since, scale, m.attributed());
    double low = LiveMeasure.quantile(before, 0.10);
    double high = LiveMeasure.quantile(before, 0.90);
    double value = points.values()[i];
    var story =
        new Story(
            m.noun(),
            scope.label(),
            Instant.ofEpochSecond(at),
            value,
            low,
            high,
            m.unit(),
            score,
            a,
            StoryText.of(m, scope, new StoryText.Change(at, from, value, low, high), a));
    return new Anomaly(scope, m, story);
  }

  /** The service, then each endpoint and each model that had calls. */
  private static List<Scope> scopes(List<CallRecord> calls) {
    var scopes = new ArrayList<Scope>();
    scopes.add(Scope.SERVICE);
    calls.stream()
        .map(CallRecord::endpoint)
        .filter(Objects::nonNull)
        .distinct()
        .sorted()
        .forEach(e -> scopes.add(Scope.endpoint(e)));
    calls.stream()
        .map(CallRecord::model)
        .filter(Objects::nonNull)
        .distinct()
        .sorted()
        .forEach(m -> scopes.add(Scope.model(m)));
    return scopes;
  }

  static List<CallRecord> within(List<CallRecord> calls, Scope s) {
    return calls.stream().filter(c -> matches(s, c)).toList();
  }

  static boolean matches(Scope s, CallRecord c) {
    return (s.endpoint() == null || s.endpoint().equals(c.endpoint()))
        && (s.model() == null || s.model().equals(c.model()));
  }

  /** An anomalous series of one scope, and its story. */
  record Anomaly(Scope scope, LiveMeasure measure, Story story) {}
}
