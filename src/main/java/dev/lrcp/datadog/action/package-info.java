/**
 * The {@code /datadog/*} actions: turn an incident into a notebook, page the on-call team, trigger
 * a workflow, create synthetics, import log pipelines, record deployments and errors, and say which
 * Datadog products the service really feeds. Every action calls the real Datadog API through
 * datadog-api-client; without keys it answers 503 and sends nothing.
 */
package dev.lrcp.datadog.action;
