/**
 * Adapter for any OpenAI-compatible {@code /v1/chat/completions} server (OpenAI, vLLM, Ollama,
 * llama.cpp) over the JDK HttpClient. Translates only: no retries, no timing, no pricing.
 */
package dev.lrcp.llm.openai;
