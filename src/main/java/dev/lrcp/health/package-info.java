/**
 * Rolling windows over call facts and the composite health score. Consumes {@code
 * LlmCallCompleted}, {@code PromptScanned} and {@code AnswerScored}; publishes {@link
 * dev.lrcp.health.HealthEvaluated}. Holds only recent in-memory data (per replica); it never calls
 * other modules.
 */
package dev.lrcp.health;
