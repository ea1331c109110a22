/**
 * The application: entry point (including the {@code datadog} command line), the explicit wiring of
 * the model client chain, and scheduling. Feature code lives in the subpackages, one per capability
 * or API surface.
 */
package dev.lrcp;
