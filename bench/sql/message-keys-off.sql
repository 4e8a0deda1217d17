-- Included (\ir) by rooms-data.sql and search-data.sql inside their transaction, before the bulk
-- INSERT INTO message: saves the definitions of the table's keys and indexes (whatever the
-- migrations made them) and drops them, so that a million rows go in without a B-tree insert and
-- two foreign-key checks each; message-keys-on.sql builds them again from the saved definitions,
-- each in one sort, and checks every row against the keys as it does. About three times faster
-- than inserting into the indexed table, and the result is the same schema.
--
-- Fails (and rolls back) if another table references message: its key could not be dropped alone.

CREATE TEMP TABLE bench_message_keys ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY step, name) AS n, step, name, ddl FROM (
    -- 1: primary and unique keys; 2: the other indexes; 3: foreign keys, checked last
    SELECT CASE WHEN c.contype = 'f' THEN 3 ELSE 1 END AS step, c.conname AS name,
           format('ALTER TABLE message ADD CONSTRAINT %I %s', c.conname, pg_get_constraintdef(c.oid)) AS ddl
    FROM pg_constraint c
    WHERE c.conrelid = 'message'::regclass AND c.contype IN ('p', 'u', 'f')
    UNION ALL
    SELECT 2, i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
    FROM pg_index i
    WHERE i.indrelid = 'message'::regclass
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conrelid = 'message'::regclass AND c.conindid = i.indexrelid)
) keys;

DO $$
DECLARE
    key record;
BEGIN
    FOR key IN SELECT step, name FROM bench_message_keys ORDER BY step DESC, name LOOP
        IF key.step = 2 THEN
            EXECUTE format('DROP INDEX %s', key.name);
        ELSE
            EXECUTE format('ALTER TABLE message DROP CONSTRAINT %I', key.name);
        END IF;
    END LOOP;
END $$;
