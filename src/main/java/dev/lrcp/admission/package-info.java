/**
 * Who may call and how much: virtual keys (salted hashes only) with their admin API, budgets in USD
 * per day and month and rate limits per minute, per key and per application, enforced once per call
 * by the flow's admit stage and shared by replicas through the database with local leases. Spend is
 * settled locally and reported in batches, never on the request path; it must not call a model.
 */
package dev.lrcp.admission;
