-- Included (\ir) after the bulk INSERT INTO message: builds again the keys and indexes that
-- message-keys-off.sql saved and dropped, in the same transaction. A duplicate (room_id, seq) or a
-- dangling room or sender fails here, and the whole load rolls back.

DO $$
DECLARE
    ddl text;
BEGIN
    FOR ddl IN SELECT k.ddl FROM bench_message_keys k ORDER BY k.n LOOP
        EXECUTE ddl;
    END LOOP;
END $$;
