-- PostgreSQL only: call_record partitioned by the UTC day of at_ms, so retention drops whole days
-- instead of deleting rows. The maintenance job (dev.lrcp.storage.DayPartitions) creates each day's
-- partition ahead; rows of a day without one (the history before this migration, a clock far off)
-- land in call_record_default, where retention deletes rows. LIKE keeps every column that earlier
-- migrations added; the primary key includes the partition key, as PostgreSQL requires.
ALTER TABLE call_record RENAME TO call_record_unpartitioned;
ALTER TABLE call_record_unpartitioned DROP CONSTRAINT call_record_pkey;
ALTER TABLE call_record_unpartitioned ALTER COLUMN id DROP IDENTITY;
DROP INDEX call_record_at;
DROP INDEX call_record_prompt;

CREATE TABLE call_record (LIKE call_record_unpartitioned INCLUDING DEFAULTS)
  PARTITION BY RANGE (at_ms);
CREATE SEQUENCE call_record_id_seq OWNED BY call_record.id;
ALTER TABLE call_record ALTER COLUMN id SET DEFAULT nextval('call_record_id_seq');
ALTER TABLE call_record ADD PRIMARY KEY (id, at_ms);
-- The API's reads: time windows (rules, look-backs, rollups) and the calls of one prompt id.
-- Each partition gets its own copy of these indexes.
CREATE INDEX call_record_at ON call_record (at_ms);
CREATE INDEX call_record_prompt ON call_record (prompt_id);
CREATE TABLE call_record_default PARTITION OF call_record DEFAULT;

INSERT INTO call_record SELECT * FROM call_record_unpartitioned;
SELECT setval('call_record_id_seq', COALESCE((SELECT MAX(id) FROM call_record), 0) + 1, false);
DROP TABLE call_record_unpartitioned;
