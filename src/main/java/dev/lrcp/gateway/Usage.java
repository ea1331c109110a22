package dev.lrcp.gateway;

import dev.lrcp.llm.TokenUsage;

/**
 * OpenAI token usage. Thinking tokens are billed as output, so they count in {@code
 * completion_tokens} and are broken out in {@code completion_tokens_details.reasoning_tokens}, as
 * OpenAI reports reasoning models.
 */
record Usage(
    int promptTokens,
    int completionTokens,
    int totalTokens,
    CompletionTokensDetails completionTokensDetails) {

  static Usage of(TokenUsage u) {
    return new Usage(
        u.input(), u.billableOutput(), u.total(), new CompletionTokensDetails(u.thinking()));
  }

  record CompletionTokensDetails(int reasoningTokens) {}
}
