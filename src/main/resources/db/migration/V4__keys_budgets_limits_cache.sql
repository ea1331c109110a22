-- Virtual keys, their budgets and rate limits, and the response cache. Portable between H2 2.x and
-- PostgreSQL 12+ like V1: times are epoch milliseconds, money is integer nano-USD (no rounding).

-- A virtual key: only a salted SHA-256 of its secret is kept (the key is shown once, at creation
-- or rotation). models and tags are JSON documents; NULL limits mean "no limit".
CREATE TABLE virtual_key (
  id VARCHAR(40) PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  owner VARCHAR(200),
  application VARCHAR(128),
  models VARCHAR(4000) NOT NULL,
  budget_day_nusd BIGINT,
  budget_month_nusd BIGINT,
  rpm_limit BIGINT,
  tpm_limit BIGINT,
  expires_at_ms BIGINT,
  tags VARCHAR(4000) NOT NULL,
  salt VARCHAR(64) NOT NULL,
  secret_hash VARCHAR(128) NOT NULL,
  created_at_ms BIGINT NOT NULL,
  updated_at_ms BIGINT NOT NULL,
  revoked_at_ms BIGINT
);
CREATE INDEX virtual_key_updated ON virtual_key (updated_at_ms);

-- Budgets and rate limits of an application (the calls labelled with it, whatever their key).
CREATE TABLE application_limit (
  application VARCHAR(128) PRIMARY KEY,
  budget_day_nusd BIGINT,
  budget_month_nusd BIGINT,
  rpm_limit BIGINT,
  tpm_limit BIGINT,
  updated_at_ms BIGINT NOT NULL
);

-- One budget period or rate window of one scope, shared by every replica. committed is what the
-- replicas have taken (leases, plus any overrun a settlement reported) and never exceeds the limit
-- through a lease; spent is the settled spend (budgets) reported by the replicas' flushes; warned is
-- the highest warning level (percent) already announced, so each level is announced once.
CREATE TABLE quota_ledger (
  scope VARCHAR(200) NOT NULL,
  period VARCHAR(32) NOT NULL,
  committed BIGINT NOT NULL,
  spent BIGINT NOT NULL,
  warned INTEGER NOT NULL,
  expires_at_ms BIGINT NOT NULL,
  PRIMARY KEY (scope, period)
);
CREATE INDEX quota_ledger_expires ON quota_ledger (expires_at_ms);

-- Answers kept for reuse, namespaced per caller (a virtual key, else the static key or address).
-- key_hash covers the normalised request; context_hash everything but the last user message
-- (semantic matches compare that message's embedding within the same context).
CREATE TABLE response_cache (
  namespace VARCHAR(200) NOT NULL,
  key_hash VARCHAR(64) NOT NULL,
  context_hash VARCHAR(64) NOT NULL,
  question VARCHAR(20000) NOT NULL,
  embedding BYTEA,
  answer VARCHAR(1000000) NOT NULL,
  cost_nusd BIGINT NOT NULL,
  replica VARCHAR(64) NOT NULL,
  created_at_ms BIGINT NOT NULL,
  expires_at_ms BIGINT NOT NULL,
  PRIMARY KEY (namespace, key_hash)
);
CREATE INDEX response_cache_created ON response_cache (created_at_ms);
CREATE INDEX response_cache_expires ON response_cache (expires_at_ms);

-- Whether a call's answer came from the cache (hit, semantic), was stored (miss) or bypassed it,
-- and what a hit saved.
ALTER TABLE call_record ADD COLUMN cache VARCHAR(16);
ALTER TABLE call_record ADD COLUMN cache_saved_usd DOUBLE PRECISION;
