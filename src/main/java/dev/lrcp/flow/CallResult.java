package dev.lrcp.flow;

import dev.lrcp.llm.LlmResponse;

/**
 * What the flow answers an entry point with.
 *
 * @param record the call's record as known when the answer was returned; its quality is null while
 *     a background score is pending (the published record carries it)
 */
public record CallResult(String promptId, LlmResponse response, CallRecord record) {}
