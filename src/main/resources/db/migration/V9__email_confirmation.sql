-- An email address receives notification emails only once its owner has confirmed it by the
-- link sent to it. Until then it blocks nobody: only a confirmed address is unique, so an
-- address someone typed but never confirmed can still be registered and confirmed by its owner.
-- confirmed_email_key repeats email_key once the address is confirmed and is null before (and
-- again after a change of address); NULLs never collide, on both databases.
ALTER TABLE app_user ADD COLUMN confirmed_email_key VARCHAR(768);
ALTER TABLE app_user DROP CONSTRAINT uq_app_user_email;
ALTER TABLE app_user ADD CONSTRAINT uq_app_user_confirmed_email UNIQUE (confirmed_email_key);
CREATE INDEX ix_app_user_email_key ON app_user (email_key);

-- The confirmation link a user is owed or was sent, one row per user: a resend or a change of
-- address renews the row, confirming deletes it. It is also the outbox of that email, claimed
-- and retried by the notification worker like email_notification. The link's token is made when
-- the email is written; only its SHA-256 is kept.
CREATE TABLE email_confirmation (
    user_id         BIGINT       NOT NULL PRIMARY KEY REFERENCES app_user (id),
    -- the address the link confirms (the user's address when it was asked for)
    email           VARCHAR(254) NOT NULL,
    token_hash      VARCHAR(64),
    expires_at      TIMESTAMP WITH TIME ZONE,
    -- pending (the email is to be sent), sent, or failed (gave up retrying)
    state           VARCHAR(10)  NOT NULL,
    due_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts        INTEGER      NOT NULL,
    failures        INTEGER      NOT NULL,
    first_failed_at TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(1000),
    sent_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_email_confirmation_token UNIQUE (token_hash)
);
CREATE INDEX ix_email_confirmation_due ON email_confirmation (state, due_at);

-- Addresses registered before confirmation existed were never proven: each owner is sent a link.
INSERT INTO email_confirmation (user_id, email, state, due_at, requested_at, attempts, failures)
SELECT id, email, 'pending', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0, 0 FROM app_user;
