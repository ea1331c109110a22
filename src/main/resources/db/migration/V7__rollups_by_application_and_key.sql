-- The virtual key a call was made with (its id, never its secret), so a key's spend can be
-- forecast against its budget.
ALTER TABLE call_record ADD COLUMN key_id VARCHAR(40);

-- Hourly rollups per endpoint, model, application and key ('' when the call had none), with
-- thinking tokens: budgets are per application and per key, and the forecast reads tokens too.
CREATE TABLE call_rollup_hourly_v7 (
  hour_ms BIGINT NOT NULL,
  endpoint VARCHAR(128) NOT NULL,
  model VARCHAR(128) NOT NULL,
  application VARCHAR(128) NOT NULL,
  key_id VARCHAR(40) NOT NULL,
  requests BIGINT NOT NULL,
  errors BIGINT NOT NULL,
  retries BIGINT NOT NULL,
  latency_sum_ms BIGINT NOT NULL,
  latency_max_ms BIGINT NOT NULL,
  input_tokens BIGINT NOT NULL,
  output_tokens BIGINT NOT NULL,
  thinking_tokens BIGINT NOT NULL,
  cost_usd DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (hour_ms, endpoint, model, application, key_id)
);

-- Earlier rollups are kept as they were (no application, no thinking tokens) for the hours whose
-- call records are gone; the hours still fully held as call records are rebuilt from them.
INSERT INTO call_rollup_hourly_v7
  SELECT hour_ms, endpoint, model, '', '', requests, errors, retries, latency_sum_ms,
    latency_max_ms, input_tokens, output_tokens, 0, cost_usd
  FROM call_rollup_hourly
  WHERE hour_ms < (SELECT MIN(at_ms) - MOD(MIN(at_ms), 3600000) + 3600000 FROM call_record)
    OR NOT EXISTS (SELECT 1 FROM call_record);

INSERT INTO call_rollup_hourly_v7
  SELECT (at_ms - MOD(at_ms, 3600000)), COALESCE(endpoint, 'unknown'), COALESCE(model, 'unknown'),
    COALESCE(application, ''), '', COUNT(*), SUM(CASE WHEN outcome = 'error' THEN 1 ELSE 0 END),
    SUM(retry_count), SUM(latency_ms), MAX(latency_ms), SUM(input_tokens), SUM(output_tokens),
    SUM(thinking_tokens), SUM(cost_usd)
  FROM call_record
  WHERE outcome <> 'blocked'
    AND at_ms >= (SELECT MIN(at_ms) - MOD(MIN(at_ms), 3600000) + 3600000 FROM call_record)
  GROUP BY (at_ms - MOD(at_ms, 3600000)), COALESCE(endpoint, 'unknown'),
    COALESCE(model, 'unknown'), COALESCE(application, '');

DROP TABLE call_rollup_hourly;
ALTER TABLE call_rollup_hourly_v7 RENAME TO call_rollup_hourly;
