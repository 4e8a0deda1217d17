-- When a message last changed (posted, edited or deleted). The search index remembers the
-- newest change it has applied and, after a restart or a crash, catches up on every message
-- changed since then (less a safety margin for transactions that were still committing).
ALTER TABLE message ADD COLUMN changed_at TIMESTAMP WITH TIME ZONE;
UPDATE message SET changed_at = COALESCE(edited_at, created_at);
ALTER TABLE message ALTER COLUMN changed_at SET NOT NULL;
CREATE INDEX ix_message_changed ON message (changed_at, id);
