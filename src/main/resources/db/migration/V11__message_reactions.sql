-- Who reacted to each message with which emoji. A member's reaction is one row per emoji, so
-- adding it again changes nothing; ordinal orders reactions as they came, which is the order in
-- which a message shows its emoji (of each emoji's first reaction) and its reactors. A deleted
-- message loses its rows (the service removes them; the cascade covers any removed message row).
CREATE TABLE message_reaction (
    message_id BIGINT      NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    user_id    BIGINT      NOT NULL REFERENCES app_user (id),
    -- one emoji sequence; ReactionEmoji reads at most 40 UTF-16 units
    emoji      VARCHAR(40) NOT NULL,
    reacted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    ordinal    BIGINT GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (message_id, user_id, emoji)
);
CREATE INDEX ix_message_reaction_order ON message_reaction (message_id, ordinal);
