-- A message may answer another of its room: the pages quote the original above the reply, and
-- its author is notified as if mentioned. The original keeps its row when deleted (rows are never
-- removed), so the reference stays valid and the reply then shows "deleted message". The index
-- finds the replies to a message without reading the room's history.
ALTER TABLE message ADD COLUMN reply_to_id BIGINT REFERENCES message (id);
CREATE INDEX ix_message_reply_to ON message (reply_to_id);
