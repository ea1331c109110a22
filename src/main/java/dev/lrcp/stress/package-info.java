/**
 * {@code POST /stress}: a deliberately long prompt (the original's cost and token-explosion
 * endpoint). A thin controller; the flow itself lives in {@code completion}.
 */
package dev.lrcp.stress;
