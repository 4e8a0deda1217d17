-- The room list shows each room's newest message. Finding it by MAX(seq) per room reads every
-- message of every room the user is in, and grows with history; the room remembers it instead,
-- set under the room's row lock by every post and by the delete of that message, so the list
-- reads the newest messages by primary key.
-- No foreign key: messages are never removed (a delete only marks them), and a reference back
-- from room to message would make the two tables depend on each other.
ALTER TABLE room ADD COLUMN latest_message_id BIGINT;
UPDATE room SET latest_message_id = (
    SELECT m.id FROM message m
    WHERE m.room_id = room.id AND m.deleted = FALSE
    ORDER BY m.seq DESC
    FETCH FIRST 1 ROWS ONLY);
