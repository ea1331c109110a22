/**
 * Early warning of drift: change detection on a stream of quality scores in [0, 1] (two-sided CUSUM
 * against a reference learnt from the stream's start) and on the distribution of prompt embeddings
 * (distance between mean embeddings with a calibrated null). Pure, online components fed one value
 * at a time; raising incidents or metrics from them is for their callers.
 */
package dev.lrcp.drift;
