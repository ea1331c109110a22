/**
 * Anomalies: the online detector that scores each point of a metric series from earlier points only
 * ({@link dev.lrcp.anomaly.SeriesAnomalyDetector}), and attribution of a shift to the dimension
 * values (model, provider, endpoint, prompt-size bucket, error type) that explain it (Adtributor,
 * over {@link dev.lrcp.flow.CallRecord}s). Pure logic: it stores nothing and raises no incident
 * itself.
 */
package dev.lrcp.anomaly;
