package dev.lrcp.anomaly;

/**
 * Online, seasonality-aware anomaly detector in the spirit of Datadog's Watchdog. Each point is
 * scored from earlier points only, so scoring a prefix gives the same scores as scoring the whole
 * series, and the detector can be fed one point at a time. Per point it costs a few hundred
 * operations on windows of fixed size (linear in the series length).
 *
 * <p>Five predictors compete (recent median; Holt-Winters and a median of past seasons, each for a
 * daily and a weekly season); the one with the lowest recent error gives the robust z-score, {@link
 * Evidence} turns it into a tail probability, and a value outside everything seen so far (by more
 * than 2 % of the range) counts as 10⁻⁶ (Numenta's "spatial" anomaly). An alert is reported once:
 * while the score stays below the decaying peak of recent scores it is halved.
 */
public final class SeriesAnomalyDetector {

  static final double ALERT = 0.5;
  private static final long DAY = 86_400;
  // Numenta uses 5 %; a record broken by less is already rare once the history is long, and any
  // margin from 1 to 2.5 % scored alike on the NAB development files (ADR 0014).
  private static final double NOVELTY_MARGIN = 0.02;
  private static final double NOVELTY_P = 1e-6;
  private static final double PEAK_DECAY = 0.99;
  private static final double REPEAT_FACTOR = 0.5;
  private static final double SCORE_HALF = 3;

  private final Cadence cadence = new Cadence();
  private Predictor[] predictors;
  private Evidence evidence;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private double peak;

  /** Scores a whole series (timestamps in epoch seconds, ascending) point by point. */
  public static AnomalyScore[] scoreAll(long[] epochSeconds, double[] values) {
    var detector = new SeriesAnomalyDetector();
    var scores = new AnomalyScore[values.length];
    for (int i = 0; i < values.length; i++) {
      scores[i] = detector.next(epochSeconds[i], values[i]);
    }
    return scores;
  }

  /** Scores the next point from the points seen so far, then learns from it. */
  AnomalyScore next(long epochSecond, double value) {
    cadence.observe(epochSecond);
    if (predictors == null && cadence.interval() > 0) {
      start(cadence.interval());
    }
    double score = predictors == null ? 0 : score(epochSecond, value);
    min = Math.min(min, value);
    max = Math.max(max, value);
    double reported = score < peak ? score * REPEAT_FACTOR : score;
    peak = Math.max(score, peak * PEAK_DECAY);
    return new AnomalyScore(reported, reported >= ALERT);
  }

  private double score(long t, double value) {
    Predictor best = null;
    for (Predictor p : predictors) {
      if (p.ready() && (best == null || p.error() < best.error())) {
        best = p;
      }
    }
    double p = best == null ? 1 : evidence.pValue(best.z(t, value), value);
    if (max > min && Math.max(value - max, min - value) > NOVELTY_MARGIN * (max - min)) {
      p = Math.min(p, NOVELTY_P);
    }
    for (Predictor predictor : predictors) {
      predictor.update(t, value);
    }
    evidence.remember(value);
    double surprise = Math.max(0.0, -Math.log10(Math.max(p, Double.MIN_NORMAL)));
    return surprise / (surprise + SCORE_HALF);
  }

  private void start(long interval) {
    int perDay = (int) Math.max(1, DAY / interval);
    int scaleWindow = Math.max(64, Math.min(perDay, 1440));
    evidence = new Evidence(Math.max(64, Math.min(perDay / 2, 4000)));
    var local = new LocalMedian(64, scaleWindow);
    if (perDay < 4 || perDay > 2000) {
      predictors = new Predictor[] {local};
      return;
    }
    var day = new SeasonBuckets(DAY, interval);
    var week = new SeasonBuckets(7 * DAY, interval);
    predictors =
        new Predictor[] {
          local,
          new SeasonalSmoother(day, scaleWindow),
          new SeasonalSmoother(week, scaleWindow),
          new SeasonalMedian(day, 5, scaleWindow),
          new SeasonalMedian(week, 3, scaleWindow)
        };
  }
}
