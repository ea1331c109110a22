/**
 * Keeps model calls reliable and makes failures reproducible: per-call timeout, retries with
 * exponential backoff and jitter (retryable failures only), a circuit breaker per model, a fallback
 * chain, and the fault injector behind the public {@code simulate_*} toggles. Decorators of {@link
 * dev.lrcp.llm.LlmClient}; they never translate provider formats.
 */
package dev.lrcp.resilience;
