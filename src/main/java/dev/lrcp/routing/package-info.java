/**
 * Picks the model for each call: the caller's explicit choice (validated against the model
 * catalog), else a per-endpoint model, else the configured default. It never calls a model and
 * never mutates shared state, so concurrent requests cannot run on each other's model.
 */
package dev.lrcp.routing;
