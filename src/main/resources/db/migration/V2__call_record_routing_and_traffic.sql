-- The call record's routing, drill-traffic flag, injection source and why an answer went unscored.
-- A call refused by the security policy is a row with outcome 'blocked' and no model call.
ALTER TABLE call_record ADD COLUMN injected BOOLEAN;
ALTER TABLE call_record ADD COLUMN routing_policy VARCHAR(32);
ALTER TABLE call_record ADD COLUMN routed_by VARCHAR(32);
ALTER TABLE call_record ADD COLUMN unscored VARCHAR(16);
ALTER TABLE call_record ADD COLUMN injection_source VARCHAR(16);
