-- pgbench peer of the write scenario (bench/scenarios/write.sh): the database-only part of
-- POST /api/messages, one transaction per post. The room row hands out the next seq and takes the
-- new message's id as its latest (the app locks the same row with SELECT ... FOR UPDATE and
-- updates it at commit: last_seq, the activity times, latest_message_id of migration V6), then one
-- message row goes in with the columns the app writes (V1 + V2 migrations: changed_at, a
-- clientMessageId).
--
--   pgbench -n -M prepared -f write.sql -D room_base=N -D rooms=16 -R RATE -T SECONDS -c CLIENTS \
--           --log --log-prefix DIR/pgbench -h 127.0.0.1 -U postgres DB
--
-- room_base/rooms: the contiguous rooms made by bench/sql/write-peer-rooms.sql. The sender is the
-- room's owner (a member). What the app does on top, and this leaves out: the Bearer token lookup,
-- the membership check and the sender's read marker (membership.last_read_seq), the
-- clientMessageId lookup (a retry finds the original), HTML rendering, JSON, and the search index.
\set room :room_base + random(0, :rooms - 1)
BEGIN;
UPDATE room SET last_seq = last_seq + 1, updated_at = now(), last_activity_at = now(),
        latest_message_id = nextval('message_id_seq')
    WHERE id = :room RETURNING last_seq, owner_id, latest_message_id \gset
INSERT INTO message (id, room_id, seq, sender_id, content, created_at, edited_at, deleted, client_message_id, changed_at)
    VALUES (:latest_message_id, :room, :last_seq, :owner_id,
            '부하 시험 메시지 ' || :last_seq || ' — notes: https://example.com/notes/' || :last_seq,
            now(), NULL, FALSE, gen_random_uuid()::text, now());
END;
