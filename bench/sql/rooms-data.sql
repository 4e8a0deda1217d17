-- Bulk data for the room list and history scenario (bench/scenarios/rooms.sh): rooms,
-- memberships and messages written straight into a Daehwa schema the app created (Flyway), after
-- the users registered through the API. The app must be restarted afterwards (nothing here went
-- through it). Same approach as search-data.sql.
--
--   psql -v ON_ERROR_STOP=1 -v seed=0.42 -v messages=1000000 -v rooms=1000 -v reader_every=5 \
--        -v reader=USERNAME -v others=NAME1,...,NAME8 -v unread_max=20 -f rooms-data.sql
--
-- * rooms: `rooms` rooms, room k owned by others[k % n]; its members are others[k .. k+3 mod n]
--   and, in every `reader_every`-th room, the reader: 200 of 1,000 rooms by default, 5 members each.
-- * messages: `messages` rows over the rooms, skewed (room k drawn as floor(rooms * random()^2),
--   so low-numbered rooms are busy and high-numbered ones quiet); in the reader's rooms a third of
--   them are the reader's own. seq runs 1..n per room and room.last_seq = n; created_at is
--   distinct, spread over the past 365 days in id order; changed_at = created_at; none deleted.
--   room.latest_message_id is the id of the room's newest message (not deleted), as the app keeps it
--   (migration V6); NULL in a room without messages.
-- * read markers: everyone has read everything (last_read_seq = last_seq) except the reader,
--   who has 0..unread_max unread messages per room (at most all of them).
-- * room.last_activity_at = updated_at = the newest message's created_at (the room list's order).
-- * ids: explicit ranges above everything allocated so far, then setval, so the app's sequences
--   (INCREMENT BY 50, pre-allocated in blocks) never hand them out again.
-- * speed: the messages go straight from generate_series into the table, with its keys and
--   indexes dropped meanwhile and built afterwards (message-keys-off.sql, message-keys-on.sql):
--   about 10 s for 1,000,000 rows instead of 25.
--
-- Deterministic for a given seed.

\set ON_ERROR_STOP on
SET client_min_messages = warning;

\o /dev/null
BEGIN;
SELECT setseed(:seed);

CREATE TEMP TABLE bench_other ON COMMIT DROP AS
SELECT id, (row_number() OVER (ORDER BY username_key) - 1)::int AS k
FROM app_user
WHERE username_key = ANY (string_to_array(lower(:'others'), ','));
SELECT count(*) AS other_count FROM bench_other \gset
SELECT array_agg(id ORDER BY k)::text AS other_ids FROM bench_other \gset
SELECT id AS reader_id FROM app_user WHERE username_key = lower(:'reader') \gset

DO $$
BEGIN
    IF (SELECT count(*) FROM bench_other) < 4 THEN
        RAISE EXCEPTION 'the rooms scenario needs at least four other registered users';
    END IF;
END $$;

SELECT greatest((SELECT last_value FROM room_id_seq), (SELECT coalesce(max(id), 0) FROM room)) + 1 AS room_base \gset
SELECT greatest((SELECT last_value FROM membership_id_seq), (SELECT coalesce(max(id), 0) FROM membership)) + 1 AS membership_base \gset
SELECT greatest((SELECT last_value FROM message_id_seq), (SELECT coalesce(max(id), 0) FROM message)) + 1 AS message_base \gset

CREATE TEMP TABLE bench_room ON COMMIT DROP AS
SELECT g.k, :room_base + g.k AS id,
       (:'other_ids'::bigint[])[1 + g.k % :other_count] AS owner_id,
       g.k % :reader_every = 0 AS with_reader
FROM generate_series(0, :rooms - 1) AS g(k);

CREATE TEMP TABLE bench_member ON COMMIT DROP AS
SELECT r.id AS room_id, o.id AS user_id, j AS position
FROM bench_room r
CROSS JOIN generate_series(0, 3) AS j
JOIN bench_other o ON o.k = (r.k + j) % :other_count
UNION ALL
SELECT r.id, :reader_id, 4 FROM bench_room r WHERE r.with_reader;

INSERT INTO room (id, name, description, owner_id, archived, last_seq, created_at, updated_at, last_activity_at)
SELECT r.id, '방 목록 벤치 ' || r.k, 'rooms benchmark', r.owner_id, FALSE, 0,
       date_trunc('second', now()) - interval '366 days', date_trunc('second', now()) - interval '366 days',
       date_trunc('second', now()) - interval '366 days'
FROM bench_room r;

\ir message-keys-off.sql

INSERT INTO message (id, room_id, seq, sender_id, content, created_at, edited_at, deleted, client_message_id, changed_at)
SELECT m.id, m.room_id, m.seq, m.sender_id, m.content, m.created_at, NULL, FALSE, NULL, m.created_at
FROM (
    SELECT :message_base + d.i AS id,
           r.id AS room_id,
           row_number() OVER (PARTITION BY d.k ORDER BY d.i) AS seq,
           CASE
               WHEN r.with_reader AND d.sender_draw < 1.0 / 3 THEN :reader_id
               ELSE (:'other_ids'::bigint[])[1 + (r.k + d.a % 4) % :other_count]
           END AS sender_id,
           (ARRAY['회의 자료 확인했어요', '오늘 배포 끝났어요', '점심 같이 먹어요?', '리뷰 부탁드려요', '내일 일정 공유드려요',
                  'build is green again', 'see the notes', '서버 점검 시작할게요', '고객 문의 답변했어요', '테스트 다시 볼게요'])
               [1 + d.a % 10] || ' ' || d.b ||
               CASE WHEN d.a % 20 = 0 THEN ' https://example.com/docs/' || d.b ELSE '' END AS content,
           date_trunc('second', now()) - interval '365 days' + (interval '365 days' / :messages) * d.i AS created_at
    FROM (
        SELECT g.i,
               least(:rooms - 1, floor(:rooms * power(random(), 2)))::int AS k,
               random() AS sender_draw,
               floor(random() * 1000000)::int AS a,
               floor(random() * 1000000)::int AS b
        FROM generate_series(0, :messages - 1) AS g(i)
    ) d
    JOIN bench_room r ON r.k = d.k
) m;

\ir message-keys-on.sql

UPDATE room
SET last_seq = s.n, last_activity_at = s.newest, updated_at = s.newest
FROM (SELECT room_id, count(*) AS n, max(created_at) AS newest FROM message WHERE room_id >= :room_base GROUP BY room_id) s
WHERE room.id = s.room_id;

-- What the app keeps under the room's lock on every post and delete (V6), as the migration sets it.
UPDATE room
SET latest_message_id = (SELECT m.id FROM message m WHERE m.room_id = room.id AND m.deleted = FALSE
                         ORDER BY m.seq DESC FETCH FIRST 1 ROWS ONLY)
WHERE room.id >= :room_base;

INSERT INTO membership (id, room_id, user_id, joined_at, last_read_seq)
SELECT :membership_base + row_number() OVER (ORDER BY m.room_id, m.position) - 1, m.room_id, m.user_id, room.created_at,
       CASE WHEN m.user_id = :reader_id THEN greatest(0, room.last_seq - floor(random() * (:unread_max + 1))::bigint)
            ELSE room.last_seq END
FROM bench_member m JOIN room ON room.id = m.room_id;

SELECT setval('room_id_seq', ((SELECT max(id) FROM room) / 50 + 1) * 50);
SELECT setval('membership_id_seq', ((SELECT max(id) FROM membership) / 50 + 1) * 50);
SELECT setval('message_id_seq', ((SELECT max(id) FROM message) / 50 + 1) * 50);

COMMIT;
\o

VACUUM ANALYZE room;
VACUUM ANALYZE membership;
VACUUM ANALYZE message;

-- What was generated, for the report.
SELECT 'messages=' || count(*) FROM message;
SELECT 'rooms=' || count(*) FROM room;
SELECT 'reader_rooms=' || count(*) FROM membership WHERE user_id = :reader_id;
SELECT 'reader_room_messages=' || coalesce(sum(r.last_seq), 0) FROM membership m JOIN room r ON r.id = m.room_id WHERE m.user_id = :reader_id;
SELECT 'busiest_reader_room=' || coalesce(max(r.last_seq), 0) FROM membership m JOIN room r ON r.id = m.room_id WHERE m.user_id = :reader_id;
SELECT 'quietest_reader_room=' || coalesce(min(r.last_seq), 0) FROM membership m JOIN room r ON r.id = m.room_id WHERE m.user_id = :reader_id;
SELECT 'reader_unread=' || coalesce(sum(r.last_seq - m.last_read_seq), 0) FROM membership m JOIN room r ON r.id = m.room_id WHERE m.user_id = :reader_id;
