/**
 * Anomaly attribution: which dimension values (model, provider, endpoint, prompt-size bucket, error
 * type) explain a shift of a measure between a baseline and a current window (Adtributor). Pure
 * logic over {@link dev.lrcp.flow.CallRecord}s; it neither detects nor stores anything itself.
 */
package dev.lrcp.anomaly;
