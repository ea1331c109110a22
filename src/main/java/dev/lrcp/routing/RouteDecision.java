package dev.lrcp.routing;

/**
 * The model chosen for one call and why.
 *
 * @param reason {@code request} (the caller named it), {@code endpoint} (per-endpoint setting) or
 *     {@code default}
 */
public record RouteDecision(String model, String reason) {}
