/**
 * Durable record of every LLM call (no prompt text), hourly rollups and retention. Writes are
 * asynchronous and batched from a bounded queue so a slow database never slows a request; losses
 * are counted, logged and published in {@link dev.lrcp.storage.StorageStats}.
 */
package dev.lrcp.storage;
