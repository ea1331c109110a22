/**
 * Rolling windows over call records ({@code dev.lrcp.flow.CallRecord}) and the composite health
 * score; publishes {@link dev.lrcp.health.HealthEvaluated}. Holds only recent data in memory: this
 * replica's calls, and on a shared PostgreSQL every replica's, read from storage's call tail.
 */
package dev.lrcp.health;
