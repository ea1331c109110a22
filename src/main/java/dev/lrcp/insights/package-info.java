/**
 * The insights API: the live health score, and recommendations and predictions computed from window
 * statistics (live) or from aggregates a caller supplies. Every sentence it returns carries the
 * numbers it was derived from; nothing is fixed text.
 */
package dev.lrcp.insights;
