-- The controls implemented recommendations apply (ADR 0022). Portable between H2 2.x and
-- PostgreSQL 12+ like V1.

-- Token limits per endpoint that the flow's LIMIT stage applies: control 'max_tokens' (the answer)
-- or 'thinking_budget' (thinking tokens). Replaces the output caps' own table.
CREATE TABLE optimization_limit (
  endpoint VARCHAR(128) NOT NULL,
  control VARCHAR(32) NOT NULL,
  tokens INTEGER NOT NULL,
  recommendation_id VARCHAR(64) NOT NULL,
  applied_by VARCHAR(200) NOT NULL,
  applied_at_ms BIGINT NOT NULL,
  PRIMARY KEY (endpoint, control)
);
INSERT INTO optimization_limit
  (endpoint, control, tokens, recommendation_id, applied_by, applied_at_ms)
  SELECT endpoint, 'max_tokens', max_tokens, recommendation_id, applied_by, applied_at_ms
  FROM optimization_output_cap;
DROP TABLE optimization_output_cap;

-- The model an endpoint's policy calls, chosen at run time (an implemented cheaper-model
-- recommendation), shared by every replica. Never deleted: clearing a choice sets removed_at_ms,
-- so the rows are their own audit trail. At most one active row per endpoint (kept by the writer).
CREATE TABLE routing_model_choice (
  id VARCHAR(40) PRIMARY KEY,
  endpoint VARCHAR(128) NOT NULL,
  model VARCHAR(128) NOT NULL,
  reason VARCHAR(500) NOT NULL,
  source VARCHAR(200) NOT NULL,
  created_by VARCHAR(200) NOT NULL,
  created_at_ms BIGINT NOT NULL,
  removed_at_ms BIGINT,
  removed_by VARCHAR(200)
);
CREATE INDEX routing_model_choice_active ON routing_model_choice (removed_at_ms, endpoint);
