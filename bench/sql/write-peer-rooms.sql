-- Rooms for the pgbench peer of the write scenario (bench/scenarios/write.sh), written with SQL
-- into the database the app created (Flyway) and used: `rooms` rooms with contiguous ids, so that
-- bench/peers/pgbench/write.sql can pick one with random(); owned in turn by the users already
-- registered through the API, each user a member of every room (as in the app's part).
--
--   psql -v ON_ERROR_STOP=1 -At -v rooms=16 -f write-peer-rooms.sql     # prints room_base=N
--
-- Ids are taken above the sequence and every row, then setval, as in search-data.sql, so the
-- app's pre-allocated id blocks never collide with them.

\set ON_ERROR_STOP on
SET client_min_messages = warning;
\o /dev/null
BEGIN;

SELECT greatest((SELECT last_value FROM room_id_seq), (SELECT coalesce(max(id), 0) FROM room)) + 1 AS room_base \gset
SELECT greatest((SELECT last_value FROM membership_id_seq), (SELECT coalesce(max(id), 0) FROM membership)) + 1 AS membership_base \gset

CREATE TEMP TABLE peer_user ON COMMIT DROP AS
SELECT id, (row_number() OVER (ORDER BY id) - 1)::int AS k FROM app_user;
SELECT count(*) AS user_count FROM peer_user \gset

DO $$
BEGIN
    IF (SELECT count(*) FROM peer_user) < 1 THEN
        RAISE EXCEPTION 'register at least one user first';
    END IF;
END $$;

INSERT INTO room (id, name, description, owner_id, archived, last_seq, created_at, updated_at, last_activity_at)
SELECT :room_base + g.k, 'pgbench 방 ' || g.k, 'pgbench peer', u.id, FALSE, 0, now(), now(), now()
FROM generate_series(0, :rooms - 1) AS g(k)
JOIN peer_user u ON u.k = g.k % :user_count;

INSERT INTO membership (id, room_id, user_id, joined_at, last_read_seq)
SELECT :membership_base + row_number() OVER (ORDER BY r.id, u.id) - 1, r.id, u.id, now(), 0
FROM room r CROSS JOIN peer_user u
WHERE r.id BETWEEN :room_base AND :room_base + :rooms - 1;

SELECT setval('room_id_seq', ((SELECT max(id) FROM room) / 50 + 1) * 50);
SELECT setval('membership_id_seq', ((SELECT max(id) FROM membership) / 50 + 1) * 50);
COMMIT;
\o
SELECT 'room_base=' || :room_base;
