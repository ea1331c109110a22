/**
 * The only package that knows Datadog: the DogStatsD metric catalog and emitter, APM and LLM
 * Observability spans around the model port, JSON call logs, and redaction of secrets and PII.
 * Feature code publishes events; it never calls a metrics client or tracer. Nothing here may throw
 * into a request or block it on I/O.
 */
package dev.lrcp.telemetry;
