/**
 * Input security: prompt-injection detection for prompts and retrieved documents (rules plus a
 * hashed n-gram logistic model), PII detection and token-abuse limits, published as {@link
 * dev.lrcp.security.PromptScanned}. It flags or blocks by policy; it never rewrites input.
 */
package dev.lrcp.security;
