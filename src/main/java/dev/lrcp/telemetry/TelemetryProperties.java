package dev.lrcp.telemetry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Our telemetry settings ({@code LRCP_TELEMETRY_*}).
 *
 * @param captureText send prompt and answer text (redacted first) to LLM Observability
 * @param logText put prompt and answer text (redacted) into the per-call log line
 * @param statsdAggregation let the DogStatsD client aggregate counts and gauges before sending
 *     (fewer packets; off in tests that count lines)
 */
@ConfigurationProperties("lrcp.telemetry")
public record TelemetryProperties(
    @DefaultValue("true") boolean captureText,
    @DefaultValue("false") boolean logText,
    @DefaultValue("true") boolean statsdAggregation) {}
