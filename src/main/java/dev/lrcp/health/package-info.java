/**
 * Rolling windows over call records ({@code dev.lrcp.flow.CallRecord}) and the composite health
 * score; publishes {@link dev.lrcp.health.HealthEvaluated}. Holds only recent in-memory data (per
 * replica); it never calls other modules.
 */
package dev.lrcp.health;
