/**
 * Input security: prompt-injection detection for prompts and retrieved documents (rules plus a
 * hashed n-gram logistic model), PII detection and token-abuse limits, applied to every call by the
 * flow's scan stage. It flags or blocks by policy; it never rewrites input.
 */
package dev.lrcp.security;
