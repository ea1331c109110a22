/**
 * Anomalies: the online detector that scores each point of a metric series from earlier points only
 * ({@link dev.lrcp.anomaly.SeriesAnomalyDetector}), and attribution of a shift: where a scope's
 * measure shifted (change point) and which dimension values (model, provider, endpoint,
 * application, prompt-size bucket, error type, traffic) explain or carry it (Adtributor,
 * shift-share, over {@link dev.lrcp.flow.CallRecord}s). Pure logic: it stores nothing and raises no
 * incident itself.
 */
package dev.lrcp.anomaly;
