/**
 * Answer quality: grounding of an answer in its document (lexical, number and name evidence plus
 * in-process MiniLM sentence similarity) and answer–question relevance, published as {@link
 * dev.lrcp.quality.AnswerScored}. It never calls a model provider and never blocks a stream.
 */
package dev.lrcp.quality;
