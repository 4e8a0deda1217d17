-- Bulk data for the search benchmark (bench/search.sh): rooms, memberships and short Korean and
-- English chat messages, written straight into a Daehwa schema that the app created (Flyway).
-- Nothing here goes through the app, so the app must be restarted afterwards (its caches and
-- its search index know nothing of these rows).
--
--   psql -v ON_ERROR_STOP=1 -v seed=0.42 -v messages=1000000 -v rooms=2000 -v searcher_every=10 \
--        -v searcher=USERNAME -v owners=NAME1,NAME2,... \
--        -v rare=도토리 -v rare_p=0.0002 -v medium=배포 -v medium_p=0.01 -v common=회의 -v common_p=0.30 \
--        -f search-data.sql
--
-- * rooms: `rooms` rooms, owned in turn by the `owners` (registered through the API before);
--   each room has its owner and the next owner as members. Every `searcher_every`-th room also
--   has `searcher` as a member: 200 of 2,000 rooms by default.
-- * messages: `messages` rows spread uniformly at random over the rooms, one every ~31 s over
--   the past 365 days (distinct created_at, changed_at = created_at, ids and created_at in the
--   same order), seq 1..n per room, room.last_seq = n, sent by a member of the room.
-- * terms: a message carries at most one of the three measured terms, chosen with probability
--   rare_p, medium_p and common_p (orders of magnitude apart), always as a noun with a particle
--   or before a space. No other word contains a measured term, and no particle glues a word
--   into one, so `ILIKE '%term%'` and the search must find the same messages.
-- * ids: explicit ranges above everything allocated so far, then setval, so that the app's
--   sequences (INCREMENT BY 50, pre-allocated in blocks by EclipseLink) never hand them out again.
-- * room.latest_message_id: the id of the room's newest message (none is deleted), as the app
--   keeps it (migration V6).
-- * speed: the message table's keys and indexes are dropped for the insert and built afterwards
--   (message-keys-off.sql, message-keys-on.sql).
--
-- Deterministic for a given seed: the same rows every run.

\set ON_ERROR_STOP on
SET client_min_messages = warning;

\o /dev/null
BEGIN;
SELECT setseed(:seed);

CREATE TEMP TABLE bench_owner ON COMMIT DROP AS
SELECT id, (row_number() OVER (ORDER BY username_key) - 1)::int AS k
FROM app_user
WHERE username_key = ANY (string_to_array(lower(:'owners'), ','));

SELECT count(*) AS owner_count FROM bench_owner \gset
SELECT id AS searcher_id FROM app_user WHERE username_key = lower(:'searcher') \gset

DO $$
BEGIN
    IF (SELECT count(*) FROM bench_owner) < 2 THEN
        RAISE EXCEPTION 'the search benchmark needs at least two registered owners';
    END IF;
END $$;

-- First free id of each table: above the sequence's last value and above every row.
SELECT greatest((SELECT last_value FROM room_id_seq), (SELECT coalesce(max(id), 0) FROM room)) + 1 AS room_base \gset
SELECT greatest((SELECT last_value FROM membership_id_seq), (SELECT coalesce(max(id), 0) FROM membership)) + 1 AS membership_base \gset
SELECT greatest((SELECT last_value FROM message_id_seq), (SELECT coalesce(max(id), 0) FROM message)) + 1 AS message_base \gset

CREATE TEMP TABLE bench_room ON COMMIT DROP AS
SELECT g.k,
       :room_base + g.k AS id,
       (SELECT id FROM bench_owner o WHERE o.k = g.k % :owner_count) AS owner_id,
       (SELECT id FROM bench_owner o WHERE o.k = (g.k + 1) % :owner_count) AS other_id,
       g.k % :searcher_every = 0 AS searched
FROM generate_series(0, :rooms - 1) AS g(k);

-- The random draws, materialised once (volatile functions in a view or CTE may be evaluated
-- more or fewer times than one expects).
CREATE TEMP TABLE bench_draw ON COMMIT DROP AS
SELECT g.i,
       floor(random() * :rooms)::int AS k,
       random() AS term_draw,
       random() AS form_draw,
       random() AS sender_draw,
       floor(random() * 1000000)::int AS a,
       floor(random() * 1000000)::int AS b,
       floor(random() * 1000000)::int AS c,
       floor(random() * 1000000)::int AS d,
       floor(random() * 1000000)::int AS e,
       floor(random() * 1000000)::int AS f
FROM generate_series(0, :messages - 1) AS g(i);

-- word || particle, the particle chosen by whether the word ends in a final consonant (batchim).
CREATE FUNCTION pg_temp.josa(word text, kind int) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$
    SELECT word || CASE
        WHEN ascii(right(word, 1)) BETWEEN 44032 AND 55203 AND (ascii(right(word, 1)) - 44032) % 28 <> 0
            THEN (ARRAY['은', '이', '을', '과', '에서', '도', '까지', '부터'])[kind]
        ELSE (ARRAY['는', '가', '를', '와', '에서', '도', '까지', '부터'])[kind]
    END
$$;

CREATE TEMP TABLE bench_vocab ON COMMIT DROP AS
SELECT ARRAY['프로젝트', '일정', '자료', '보고서', '서버', '점검', '고객', '문의', '점심', '저녁', '커피', '주말',
             '휴가', '출장', '예산', '계약', '디자인', '코드', '리뷰', '테스트', '버그', '화면', '문서', '발표',
             '교육', '면접', '채용', '사무실', '택배', '영수증', '날씨', '버스', '지하철', '주차', '노트북', '모니터',
             '키보드', '간식', '생일', '케이크', '선물', '여행', '비행기', '호텔', '기차', '숙제', '운동', '축구',
             '야구', '영화', '음악', '공연', '사진', '동영상', '계정', '비밀번호', '알림', '메일', '전화', '약속',
             '병원', '은행', '카드', '로그', '데이터', '백업', '네트워크', '보안', '업데이트', '설정', '권한', '초안',
             '의견', '질문', '답변', '목표', '결과', '계획', '주문', '배송', '견적', '매출', '광고', '행사']::text[] AS ko,
       ARRAY['오늘', '내일', '지금', '빨리', '같이', '다시', '먼저', '조금', '이따가', '아까']::text[] AS adverb,
       ARRAY['확인했어요', '공유드려요', '끝났어요', '준비했어요', '봤어요?', '괜찮아요', '정리해 주세요', '올렸어요',
             '고마워요', '언제 해요?', '좋아요', '어디서 해요?', '늦어질 것 같아요', '다시 볼게요', '부탁드려요',
             '미뤄졌어요', '잘 됐어요', '시작할게요', '취소됐어요', '알려 주세요', '했어요', '합시다', '어때요?',
             '필요해요', '바뀌었어요']::text[] AS ending,
       ARRAY['meeting', 'deploy', 'release', 'review', 'lunch', 'coffee', 'bug', 'fix', 'test', 'build', 'server',
             'client', 'update', 'schedule', 'plan', 'team', 'design', 'doc', 'docs', 'call', 'today', 'tomorrow',
             'later', 'please', 'thanks', 'ok', 'sure', 'done', 'check', 'merge', 'branch', 'issue', 'ticket',
             'sprint', 'demo', 'slides', 'budget', 'report', 'draft', 'notes', 'weekend', 'office', 'train',
             'flight', 'hotel', 'photo', 'video', 'music', 'the', 'a', 'to', 'for', 'on', 'in', 'with', 'after',
             'before', 'and', 'is', 'it', 'we', 'you', 'I', 'can', 'will', 'new', 'old', 'quick', 'question',
             'customer', 'invoice', 'login', 'password', 'backup', 'network', 'ship', 'shipped', 'rollback']::text[] AS en,
       ARRAY['', '', '', '.', '!', '?', ' :)', ' ㅋㅋ']::text[] AS tail;

INSERT INTO room (id, name, description, owner_id, archived, last_seq, created_at, updated_at, last_activity_at)
SELECT r.id, '검색 벤치 방 ' || r.k, 'search benchmark', r.owner_id, FALSE, 0,
       date_trunc('second', now()) - interval '366 days', date_trunc('second', now()) - interval '366 days',
       date_trunc('second', now()) - interval '366 days'
FROM bench_room r;

-- The words of each message; at most one measured term, always first.
CREATE TEMP TABLE bench_words ON COMMIT DROP AS
SELECT d.i, d.k, d.form_draw, d.sender_draw, d.a, d.f,
       CASE
           WHEN d.term_draw < :rare_p THEN :'rare'
           WHEN d.term_draw < :rare_p + :medium_p THEN :'medium'
           WHEN d.term_draw < :rare_p + :medium_p + :common_p THEN :'common'
       END AS term,
       v.ko[1 + d.a % array_length(v.ko, 1)] AS n1,
       v.ko[1 + d.b % array_length(v.ko, 1)] AS n2,
       v.adverb[1 + d.c % array_length(v.adverb, 1)] AS adv,
       v.ending[1 + d.d % array_length(v.ending, 1)] AS ending,
       v.tail[1 + d.e % array_length(v.tail, 1)] AS tail,
       concat_ws(' ',
           v.en[1 + d.a % array_length(v.en, 1)],
           v.en[1 + d.b % array_length(v.en, 1)],
           v.en[1 + d.c % array_length(v.en, 1)],
           CASE WHEN d.e % 4 >= 1 THEN v.en[1 + (d.d / 7) % array_length(v.en, 1)] END,
           CASE WHEN d.e % 4 >= 2 THEN v.en[1 + (d.e / 7) % array_length(v.en, 1)] END,
           CASE WHEN d.e % 4 >= 3 THEN v.en[1 + (d.f / 7) % array_length(v.en, 1)] END) AS english
FROM bench_draw d CROSS JOIN bench_vocab v;

CREATE TEMP TABLE bench_message ON COMMIT DROP AS
SELECT :message_base + w.i AS id,
       r.id AS room_id,
       row_number() OVER (PARTITION BY w.k ORDER BY w.i) AS seq,
       CASE
           WHEN r.searched AND w.sender_draw < 1.0 / 3 THEN :searcher_id
           WHEN w.sender_draw < 2.0 / 3 THEN r.owner_id
           ELSE r.other_id
       END AS sender_id,
       CASE
           -- Korean: topic/subject, object, ending ("회의는 자료를 확인했어요")
           WHEN w.form_draw < 0.25 THEN
               pg_temp.josa(coalesce(w.term, w.n1), 1 + w.a % 2) || ' ' || pg_temp.josa(w.n2, 3) || ' ' || w.ending || w.tail
           -- Korean with an adverb and a place or time ("배포 오늘 서버에서 시작할게요")
           WHEN w.form_draw < 0.45 THEN
               coalesce(w.term, w.n1) || ' ' || w.adv || ' ' || pg_temp.josa(w.n2, 5 + w.a % 4) || ' ' || w.ending || w.tail
           -- Korean, two nouns joined ("회의와 일정은 다시 볼게요")
           WHEN w.form_draw < 0.55 THEN
               pg_temp.josa(coalesce(w.term, w.n1), 4) || ' ' || pg_temp.josa(w.n2, 1) || ' ' || w.ending || w.tail
           -- mixed Korean and English ("배포 release notes 확인했어요")
           WHEN w.form_draw < 0.70 OR w.term IS NOT NULL THEN
               coalesce(w.term, w.n1) || ' ' || w.english || ' ' || w.ending
           -- English only, sometimes with a link
           WHEN w.f % 50 = 0 THEN
               w.english || ' https://example.com/docs/' || w.f
           ELSE
               initcap(left(w.english, 1)) || substr(w.english, 2) || w.tail
       END AS content,
       date_trunc('second', now()) - interval '365 days'
           + (interval '365 days' / :messages) * w.i AS created_at
FROM bench_words w JOIN bench_room r ON r.k = w.k;

\ir message-keys-off.sql

INSERT INTO message (id, room_id, seq, sender_id, content, created_at, edited_at, deleted, client_message_id, changed_at)
SELECT id, room_id, seq, sender_id, content, created_at, NULL, FALSE, NULL, created_at
FROM bench_message;

\ir message-keys-on.sql

UPDATE room
SET last_seq = s.n, last_activity_at = s.newest, updated_at = s.newest
FROM (SELECT room_id, count(*) AS n, max(created_at) AS newest FROM bench_message GROUP BY room_id) s
WHERE room.id = s.room_id;

UPDATE room
SET latest_message_id = (SELECT m.id FROM message m WHERE m.room_id = room.id AND m.deleted = FALSE
                         ORDER BY m.seq DESC FETCH FIRST 1 ROWS ONLY)
WHERE room.id >= :room_base;

INSERT INTO membership (id, room_id, user_id, joined_at, last_read_seq)
SELECT :membership_base + row_number() OVER (ORDER BY m.room_id, m.user_id) - 1, m.room_id, m.user_id, m.joined_at, m.last_seq
FROM (
    SELECT r.id AS room_id, u.user_id, room.created_at AS joined_at, room.last_seq
    FROM bench_room r
    JOIN room ON room.id = r.id
    CROSS JOIN LATERAL (VALUES (r.owner_id), (r.other_id), (CASE WHEN r.searched THEN :searcher_id END)) AS u(user_id)
    WHERE u.user_id IS NOT NULL
) m;

-- The next block EclipseLink takes (nextval - 49 .. nextval) starts above every id used here.
SELECT setval('room_id_seq', ((SELECT max(id) FROM room) / 50 + 1) * 50);
SELECT setval('membership_id_seq', ((SELECT max(id) FROM membership) / 50 + 1) * 50);
SELECT setval('message_id_seq', ((SELECT max(id) FROM message) / 50 + 1) * 50);

COMMIT;
\o

VACUUM ANALYZE room;
VACUUM ANALYZE membership;
VACUUM ANALYZE message;

-- What was generated, for the results file.
SELECT count(*) AS messages,
       count(DISTINCT room_id) AS rooms_with_messages,
       round(avg(length(content)), 1) AS avg_chars,
       count(*) FILTER (WHERE content ~ '[가-힣]') AS with_hangul,
       count(*) FILTER (WHERE content !~ '[가-힣]') AS english_only
FROM message;
