package dev.lrcp.telemetry;

/**
 * The metric names code may emit. Each constant must exist in {@code telemetry/metrics.json} (a
 * test checks both directions), so an undeclared name cannot be emitted; types and allowed tags
 * come from the catalog.
 */
enum Metric {
  REQUEST_COUNT("llm.request.count"),
  REQUEST_LATENCY("llm.request.latency_ms"),
  TIME_TO_FIRST_TOKEN("llm.time_to_first_token_ms"),
  TOKENS_INPUT("llm.tokens.input"),
  TOKENS_OUTPUT("llm.tokens.output"),
  TOKENS_THINKING("llm.tokens.thinking"),
  TOKENS_TOTAL("llm.tokens.total"),
  REQUEST_INPUT_TOKENS("llm.request.input_tokens"),
  REQUEST_OUTPUT_TOKENS("llm.request.output_tokens"),
  COST_USD("llm.cost.usd"),
  REQUEST_COST_USD("llm.request.cost_usd"),
  ERROR_COUNT("llm.error.count"),
  TIMEOUT_COUNT("llm.timeout.count"),
  SAFETY_BLOCK_COUNT("llm.safety_block.count"),
  RETRY_COUNT("llm.retry_count"),
  FALLBACK_COUNT("llm.fallback.count"),
  CIRCUIT_BREAKER_STATE("llm.circuit_breaker.state"),
  SEMANTIC_SIMILARITY("llm.semantic_similarity_score"),
  GROUNDING_SCORE("llm.grounding_score"),
  UNGROUNDED_FLAG("llm.ungrounded_answer_flag"),
  QUALITY_UNSCORED("llm.quality.unscored.count"),
  ROUTING_DECISION("llm.routing.decision.count"),
  ROUTING_ESCALATION("llm.routing.escalation.count"),
  ROUTING_SAVINGS("llm.routing.savings_usd"),
  INJECTION_SCORE("llm.security.prompt_injection_score"),
  INJECTION_RISK("llm.security.prompt_injection_risk"),
  PII_COUNT("llm.security.pii.count"),
  TOKEN_ABUSE("llm.security.token_abuse"),
  BLOCKED_COUNT("llm.security.blocked.count"),
  HEALTH_SCORE("llm.health_score"),
  HEALTH_COMPONENT("llm.health.component_score"),
  INCIDENT_OPEN("llm.incident.open"),
  INCIDENT_OPENED("llm.incident.opened.count"),
  INCIDENT_SINK_FAILURE("llm.incident.sink.failure.count"),
  STORAGE_QUEUE_DEPTH("llm.storage.queue_depth"),
  STORAGE_WRITTEN("llm.storage.written.count"),
  STORAGE_DROPPED("llm.storage.dropped.count"),
  CLUSTER_LEASE_HELD("llm.cluster.lease_held"),
  CACHE_HIT("llm.cache.hit.count"),
  CACHE_MISS("llm.cache.miss.count"),
  CACHE_SAVED_USD("llm.cache.saved_usd"),
  ADMISSION_REFUSED("llm.admission.refused.count"),
  BUDGET_WARNING("llm.budget.warning.count"),
  FORECAST_SPEND_NEXT_24H("llm.forecast.spend_next_24h_usd"),
  QUALITY_DRIFT_WARNING("llm.quality.drift.warning.count"),

  OPTIMIZATION_OPEN("llm.optimization.recommendation.open"),
  OPTIMIZATION_IMPLEMENTED("llm.optimization.recommendation.implemented"),
  OPTIMIZATION_ESTIMATED_USD("llm.optimization.savings.estimated_monthly_usd"),
  OPTIMIZATION_REALISED_USD("llm.optimization.savings.realised_monthly_usd");

  private final String metricName;

  Metric(String metricName) {
    this.metricName = metricName;
  }

  String metricName() {
    return metricName;
  }
}
