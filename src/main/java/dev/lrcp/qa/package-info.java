/**
 * {@code POST /qa}: question answering over an optional document, compatible with the original
 * service. A thin controller; the flow itself lives in {@code completion}.
 */
package dev.lrcp.qa;
