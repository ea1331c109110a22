package dev.lrcp.admission;

/**
 * A call the admit stage refused (no model was called, so it leaves no call record); telemetry
 * counts these by reason.
 *
 * @param reason e.g. {@code budget_exceeded}, {@code requests_per_minute}
 * @param subjectType {@code key} or {@code application}, or null for a rejected key
 * @param application the call's application label, or null
 */
public record AdmissionRefused(
    String endpoint, String reason, String subjectType, String application) {}
