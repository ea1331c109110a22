/**
 * Anomaly attribution: where a measure of a scope's calls shifted (change point) and which
 * dimension values (model, provider, endpoint, application, prompt-size bucket, error type,
 * traffic) explain or carry the shift (Adtributor, shift-share). Pure logic over {@link
 * dev.lrcp.flow.CallRecord}s; it neither detects nor stores anything itself.
 */
package dev.lrcp.anomaly;
