/**
 * Time series supplied by a caller: the {@code {timestamp, value}} points of the evaluation APIs,
 * parsed and checked into arrays the analysis engines read. It knows no engine and no storage.
 */
package dev.lrcp.series;
