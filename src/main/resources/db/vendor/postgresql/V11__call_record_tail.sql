-- PostgreSQL only: every replica follows the rows all replicas write (dev.lrcp.storage.CallRecordTail,
-- docs/adr/0020-one-view-across-replicas.md). A row's writing transaction id tells a reader which rows
-- may still become visible: everything below the oldest transaction running at its last read has
-- been seen, whatever order the replicas' transactions committed in. Rows written before this
-- migration have none and are read by time only. Added without a default first, so existing rows are
-- not rewritten; new partitions inherit the column, its default and the index.
ALTER TABLE call_record ADD COLUMN written_xid xid8;
ALTER TABLE call_record ALTER COLUMN written_xid SET DEFAULT pg_current_xact_id();
CREATE INDEX call_record_written_xid ON call_record (written_xid);
