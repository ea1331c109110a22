/**
 * The response cache, the flow's cache stage: exact matches of a normalised request, and opt-in
 * semantic matches of the last user message (MiniLM embeddings, a per-route cosine threshold and a
 * check that numbers and names agree), namespaced per caller, in memory in front of the database
 * that replicas share. It never serves across callers and never caches drills or failed answers.
 */
package dev.lrcp.cache;
