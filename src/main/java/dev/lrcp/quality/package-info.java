/**
 * Answer quality: grounding of an answer in its document (lexical, number and name evidence plus
 * in-process MiniLM sentence similarity) and answer–question relevance, applied to every call by
 * the flow's score stage. It never calls a model provider and never blocks a stream; background
 * scoring is best-effort, sampled within a CPU budget.
 */
package dev.lrcp.quality;
