-- pgbench peer of GET /api/rooms (bench/scenarios/rooms.sh): the statements Daehwa sent for one
-- room list, as PostgreSQL logged them (log_statement=all during the scenario's counted pass,
-- EclipseLink's text unchanged), with the bound parameters put in as literals:
--   1. the Bearer token lookup (the authentication mechanism, before the JAX-RS request);
--   2. the reader's memberships with their rooms (RoomRepository.membershipsOf; the rooms' owners
--      come from the persistence context once statement 4 has loaded every member);
--   3. the (room, member) pairs of those rooms, and 4. the distinct members (membersOf; before
--      9ba27b6 one join that sent each member's whole row once per room);
--   5. the latest messages by primary key, the ids the room rows carry (room.latest_message_id,
--      migration V6), with their senders (MessageRepository.findVisible);
--   6. the unread counts: per room with something unread, the seqs past the read marker among
--      the newest 100 (RoomRepository.unreadCounts, native SQL, which EclipseLink runs in a
--      transaction of its own: the BEGIN and COMMIT around it are in the log too).
-- No transaction around statements 1-5: the app sent none for them.
--
-- Run with -M simple, so that the lists in :room_ids etc. are pasted in as text, as the app's
-- 200 bound parameters are. Variables (-D), set by rooms.sh from the database: user_id (the
-- reader), token_hash, room_ids (the reader's rooms, in the room list's order), member_ids (the
-- distinct members of those rooms), latest_ids (their room.latest_message_id, what statement 2
-- returns; the data is static during the run).
SELECT t1.ID, t1.created_at, t1.NAME, t1.token_hash, t1.user_id, t0.ID, t0.created_at, t0.display_name, t0.EMAIL, t0.email_cadence, t0.email_key, t0.LOCALE, t0.password_hash, t0.USERNAME, t0.username_key FROM app_user t0, api_token t1 WHERE ((t1.token_hash = ':token_hash') AND (t0.ID = t1.user_id));
SELECT t1.ID, t1.email_muted, t1.emailed_seq, t1.joined_at, t1.last_read_seq, t1.room_id, t1.user_id, t0.ID, t0.ARCHIVED, t0.created_at, t0.DESCRIPTION, t0.last_activity_at, t0.last_seq, t0.latest_message_id, t0.NAME, t0.updated_at, t0.owner_id FROM room t0, membership t1 WHERE (((t1.user_id = :user_id) AND (t0.ARCHIVED = FALSE)) AND (t0.ID = t1.room_id)) ORDER BY t0.last_activity_at DESC, t0.ID DESC;
SELECT room_id, user_id FROM membership WHERE room_id IN (:room_ids) ORDER BY joined_at, id;
SELECT ID, created_at, display_name, EMAIL, email_cadence, email_key, LOCALE, password_hash, USERNAME, username_key FROM app_user WHERE (ID IN (:member_ids));
SELECT t1.ID, t1.changed_at, t1.client_message_id, t1.CONTENT, t1.created_at, t1.DELETED, t1.edited_at, t1.room_id, t1.SEQ, t1.sender_id, t0.ID, t0.created_at, t0.display_name, t0.EMAIL, t0.email_cadence, t0.email_key, t0.LOCALE, t0.password_hash, t0.USERNAME, t0.username_key FROM app_user t0, message t1 WHERE (((t1.ID IN (:latest_ids)) AND (t1.DELETED = FALSE)) AND (t0.ID = t1.sender_id));
BEGIN;
SELECT m.room_id,
  (SELECT COUNT(*) FROM message msg
   WHERE msg.room_id = m.room_id
     AND msg.seq BETWEEN GREATEST(m.last_read_seq, r.last_seq - 100) + 1 AND r.last_seq
     AND msg.deleted = FALSE AND msg.sender_id <> :user_id)
FROM membership m JOIN room r ON r.id = m.room_id
WHERE m.user_id = :user_id AND r.archived = FALSE AND m.last_read_seq < r.last_seq;
COMMIT;
