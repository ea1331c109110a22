/**
 * The one request flow: every model call, whatever its entry point, passes through the ordered
 * {@link dev.lrcp.flow.CallStage}s around the model port and leaves one {@link
 * dev.lrcp.flow.CallRecord}, published once. It knows no HTTP and no provider; capabilities plug in
 * as stages.
 */
package dev.lrcp.flow;
