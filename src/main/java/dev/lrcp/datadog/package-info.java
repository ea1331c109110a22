/**
 * Datadog assets as code: loads the JSON assets under {@code datadog/}, validates them offline
 * (strict API models, metric query grammar, the paging policy) and imports them idempotently
 * through the Datadog API client. Runs as a command-line tool inside the service jar and never
 * inside the web server.
 */
package dev.lrcp.datadog;
