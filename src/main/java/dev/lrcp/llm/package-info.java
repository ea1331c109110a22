/**
 * The port to language models: {@link dev.lrcp.llm.LlmClient}, its request and response values, the
 * failure taxonomy, the model catalog with prices, and the deadline timer calls share. Adapters
 * live in subpackages and translate only; they never retry, time, log or price.
 */
package dev.lrcp.llm;
