/**
 * HTTP concerns shared by every endpoint: RFC 9457 problem responses, API-key and loopback access
 * control, request size limit, CORS, the {@code simulate_*} toggles, API docs and service info. It
 * knows nothing about models or scoring beyond the exceptions it maps.
 */
package dev.lrcp.web;
