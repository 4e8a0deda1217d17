-- pgbench peer of GET /api/messages?room=…&limit=50 (bench/scenarios/rooms.sh): the statements
-- Daehwa sent for the newest page of one room, as PostgreSQL logged them (log_statement=all during
-- the scenario's counted pass, EclipseLink's text unchanged), the bound parameters as literals:
--   1. the Bearer token lookup (the authentication mechanism);
--   2. the reader's membership of the room, with room and user (RoomRepository.findMembership);
--   3. the page: seq < Long.MAX_VALUE, newest first, limit + 1 = 51 (MessageRepository.pageBefore).
-- No transaction around them (none in the log). Run with -M simple, like rooms.sql.
-- Variables (-D), from rooms.sh: user_id, token_hash, and the reader's rooms as
-- room_base + reader_every * j for j in 0 .. reader_rooms - 1 (rooms-data.sql lays them out so).
\set room :room_base + :reader_every * random(0, :reader_rooms - 1)
SELECT t1.ID, t1.created_at, t1.NAME, t1.token_hash, t1.user_id, t0.ID, t0.created_at, t0.display_name, t0.EMAIL, t0.email_cadence, t0.email_key, t0.LOCALE, t0.password_hash, t0.USERNAME, t0.username_key FROM app_user t0, api_token t1 WHERE ((t1.token_hash = ':token_hash') AND (t0.ID = t1.user_id));
SELECT t1.ID, t1.email_muted, t1.emailed_seq, t1.joined_at, t1.last_read_seq, t1.room_id, t1.user_id, t0.ID, t0.ARCHIVED, t0.created_at, t0.DESCRIPTION, t0.last_activity_at, t0.last_seq, t0.latest_message_id, t0.NAME, t0.updated_at, t0.owner_id, t2.ID, t2.created_at, t2.display_name, t2.EMAIL, t2.email_cadence, t2.email_key, t2.LOCALE, t2.password_hash, t2.USERNAME, t2.username_key FROM room t0, app_user t2, membership t1 WHERE ((((t1.room_id = :room) AND (t1.user_id = :user_id)) AND (t0.ARCHIVED = FALSE)) AND ((t0.ID = t1.room_id) AND (t2.ID = t1.user_id)));
SELECT t1.ID AS a1, t1.changed_at AS a2, t1.client_message_id AS a3, t1.CONTENT AS a4, t1.created_at AS a5, t1.DELETED AS a6, t1.edited_at AS a7, t1.room_id AS a8, t1.SEQ AS a9, t1.sender_id AS a10, t0.ID AS a11, t0.created_at AS a12, t0.display_name AS a13, t0.EMAIL AS a14, t0.email_cadence AS a15, t0.email_key AS a16, t0.LOCALE AS a17, t0.password_hash AS a18, t0.USERNAME AS a19, t0.username_key AS a20 FROM app_user t0, message t1 WHERE ((((t1.room_id = :room) AND (t1.SEQ < 9223372036854775807)) AND (t1.DELETED = FALSE)) AND (t0.ID = t1.sender_id)) ORDER BY t1.SEQ DESC LIMIT 51 OFFSET 0;
