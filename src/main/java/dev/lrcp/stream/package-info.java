/**
 * The live push stream ({@code GET /insights/stream}, server-sent events): the health score and
 * what other modules publish (incidents, later anomaly and drift warnings) fanned out to many
 * subscribers, with heartbeats and {@code Last-Event-ID} resumption from a bounded replay log. It
 * only translates and forwards events; it never computes them and never blocks their publisher.
 */
package dev.lrcp.stream;
