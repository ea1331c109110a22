/** Wire shapes of the control plane's public API (docs/contracts.md); JSON is snake_case. */

export interface HealthComponents {
  performance: number;
  reliability: number;
  cost: number;
  quality: number;
  security: number;
  /** Error budget left in the window: 0 once the latency or availability objective is breached. */
  slo?: number;
  efficiency_bonus: number;
}

/** The open incident that holds the status where it is (SEV-1: critical, else at most degraded). */
export interface StatusCap {
  id: string;
  title: string;
  severity: string;
  endpoint: string | null;
  model: string | null;
}

/** Budget burn rates: 1 spends exactly the budget, above 1 the objective is breached. */
export interface SloBurn {
  latency: number | null;
  availability: number;
}

export interface HealthStats {
  requests: number;
  request_rate_per_s: number;
  p95_latency_ms: number | null;
  error_rate: number | null;
  retry_rate: number | null;
  cost_per_request_usd: number | null;
  total_cost_usd: number | null;
  mean_quality: number | null;
  safety_block_rate: number | null;
  injection_rate: number | null;
  token_efficiency: number | null;
}

export interface HealthScore {
  health_score: number | null;
  status: string;
  capped_by?: StatusCap | null;
  slo_burn?: SloBurn | null;
  window: string;
  components: HealthComponents | null;
  stats: HealthStats;
  generated_at: string;
}

export interface IncidentEvidence {
  metric: string;
  statistic: string;
  value: number;
  threshold: number;
  unit: string;
  window: string;
  requests: number;
  samples?: { prompt_id: string; trace_id: string | null }[];
}

export interface IncidentCause {
  dimension: string;
  value: string;
  explanatory_power: number;
  surprise: number;
}

export interface Incident {
  id: string;
  rule: string;
  title: string;
  severity: string;
  status: string;
  scope: { endpoint: string | null; model: string | null } | null;
  opened_at: string;
  updated_at: string;
  resolved_at: string | null;
  evidence: IncidentEvidence | null;
  attribution: { summary: string; confidence: number; causes: IncidentCause[] } | null;
  runbook: string[];
  links: Record<string, string> | null;
  timeline: { at: string; kind: string; message: string }[];
  /** Runbook steps the service can carry out itself (POST /incidents/{id}/actions/{step}). */
  actions?: IncidentAction[];
}

export interface IncidentAction {
  step: number;
  kind: string;
  endpoints: string[];
  from_model: string | null;
  to_model: string | null;
  applied: {
    at: string;
    by: string;
    override_ids: string[];
    expires_at: string;
    verify_at: string;
    /** null until re-evaluated: 'verified recovered', 'no effect' or 'inconclusive'. */
    result: string | null;
    verified_at: string | null;
    detail: string | null;
  } | null;
}

export interface IncidentPage {
  items: Incident[];
  page: number;
  size: number;
  total: number;
}

/** RFC 9457 problem detail as the service sends it (type = urn:lrcp:problem:<kind>). */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  prompt_id?: string;
}

/** An incident event on the push stream (GET /insights/stream): enough to know what to reload. */
export interface IncidentEvent {
  at: string;
  id: string;
  rule: string;
  severity: string;
  title: string;
  status?: string;
  change?: string;
  reason?: string;
}
