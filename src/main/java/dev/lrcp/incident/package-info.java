/**
 * Incidents: detection rules over the recent calls with hysteresis, incident content (evidence,
 * attribution, runbook, Datadog links), their storage and timeline, the HTTP API, and delivery to
 * Datadog Incident Management through an outbox. Rules never call other modules' internals; they
 * read recent calls through {@link dev.lrcp.incident.CallSource}.
 */
package dev.lrcp.incident;
