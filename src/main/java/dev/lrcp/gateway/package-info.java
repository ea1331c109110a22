/**
 * The OpenAI-compatible gateway: {@code POST /v1/chat/completions} (JSON or server-sent events) and
 * {@code GET /v1/models}, translated to the {@link dev.lrcp.llm.LlmClient} port so every call gets
 * the same telemetry, security and quality signals as {@code /qa}. It must not talk to a provider
 * directly, time calls or emit metrics itself; errors leave in the OpenAI error shape.
 */
package dev.lrcp.gateway;
