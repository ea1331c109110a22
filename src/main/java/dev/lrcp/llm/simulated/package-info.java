/**
 * The embedded offline provider: deterministic, seeded answers (extractive for grounded Q&A,
 * templated text otherwise) with real token counts and per-model latency. It simulates a model; it
 * must never pretend to be one in docs or metadata (its provider name is {@code simulated}).
 */
package dev.lrcp.llm.simulated;
