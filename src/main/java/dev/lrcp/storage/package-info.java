/**
 * Durable record of every LLM call (no prompt text), hourly rollups and retention. Writes are
 * asynchronous and batched from a bounded queue so a slow database never slows a request; losses
 * are counted, logged and published in {@link dev.lrcp.storage.StorageStats}. The writer thread
 * uses plain JDBC (multi-row inserts, one transaction per flush); reads go through JdbcTemplate.
 */
package dev.lrcp.storage;
