-- Who each message mentions, written with the message and rewritten by its edits. The room list
-- counts a member's unread mentions from it, and notifications and search read it, instead of
-- scanning message text. A row keeps its message's room and seq, so that the count is one index
-- range per member and room, with no message row read; a deleted message loses its rows.
CREATE TABLE message_mention (
    message_id BIGINT NOT NULL REFERENCES message (id),
    position   INT    NOT NULL,
    user_id    BIGINT NOT NULL REFERENCES app_user (id),
    room_id    BIGINT NOT NULL,
    seq        BIGINT NOT NULL,
    PRIMARY KEY (message_id, position)
);
CREATE INDEX ix_message_mention_user ON message_mention (user_id, room_id, seq);

-- Mention email: on unless the user turns it off. It reaches them even from a muted room.
ALTER TABLE app_user ADD COLUMN email_mentions BOOLEAN DEFAULT TRUE NOT NULL;
