/**
 * One cluster-wide lease in the database, so that jobs which must run once per cluster (rule
 * evaluation, retention, partitions, cache trimming) run on one replica at a time and move to
 * another when it dies. Per-replica jobs never ask it; it knows nothing of the jobs it guards.
 */
package dev.lrcp.cluster;
