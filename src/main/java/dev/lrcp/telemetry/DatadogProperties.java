package dev.lrcp.telemetry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Datadog's own settings under their standard names: Spring's relaxed binding maps {@code
 * DD_AGENT_HOST} to {@code dd.agent-host}, {@code DD_DOGSTATSD_PORT} to {@code dd.dogstatsd-port},
 * and {@code DD_SERVICE}, {@code DD_ENV}, {@code DD_VERSION} to the unified service tags. The same
 * names configure the dd-java-agent, so the service, its metrics and its traces agree.
 */
@ConfigurationProperties("dd")
public record DatadogProperties(
    @DefaultValue("localhost") String agentHost,
    @DefaultValue("8125") int dogstatsdPort,
    @DefaultValue("llm-reliability-control-plane") String service,
    @DefaultValue("local") String env,
    @DefaultValue("unversioned") String version) {}
