/**
 * Chooses each call's model and accounts for what the choice saved: per-endpoint, per-application
 * and alias policies (static, cheapest-that-holds over live statistics, cascade with a verifier),
 * runtime overrides and per-endpoint model choices shared through the database, and {@code GET
 * /routing}. It never mutates a shared client, so concurrent requests cannot run on each other's
 * model.
 */
package dev.lrcp.routing;
