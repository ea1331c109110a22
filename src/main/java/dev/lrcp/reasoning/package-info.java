/**
 * {@code POST /reason}: free-form reasoning prompts (the original's latency and retry endpoint). A
 * thin controller; the flow itself lives in {@code completion}.
 */
package dev.lrcp.reasoning;
