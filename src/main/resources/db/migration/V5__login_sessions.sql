-- A browser login that outlives the HTTP session of one node: the login cookie lets any node of
-- a cluster (or the same node after a restart) recognise the user. Only the SHA-256 of the cookie's
-- secret is stored, as for API tokens.
CREATE SEQUENCE login_session_id_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE login_session (
    id           BIGINT      NOT NULL PRIMARY KEY,
    user_id      BIGINT      NOT NULL REFERENCES app_user (id),
    token_hash   VARCHAR(64) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    -- moved forward at most once a day; a login unused for 30 days has expired
    last_used_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_login_session_hash UNIQUE (token_hash)
);
CREATE INDEX ix_login_session_user ON login_session (user_id);
