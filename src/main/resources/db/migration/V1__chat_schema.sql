-- Daehwa's chat schema. Written once for both H2 (embedded default) and PostgreSQL (production):
-- only portable types and constraints. Ids come from sequences that allocate in blocks of 50,
-- matching the allocationSize of the entities' @SequenceGenerator.

CREATE SEQUENCE app_user_id_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE app_user (
    id            BIGINT       NOT NULL PRIMARY KEY,
    -- Limits are enforced in code in code points; H2 counts UTF-16 units and lower-casing may
    -- lengthen a string, so columns leave room for both.
    username      VARCHAR(60)  NOT NULL,
    -- lower-cased copies carry the case-insensitive uniqueness, portably
    username_key  VARCHAR(120) NOT NULL,
    email         VARCHAR(254) NOT NULL,
    email_key     VARCHAR(768) NOT NULL,
    display_name  VARCHAR(100) NOT NULL,
    password_hash VARCHAR(512) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_app_user_username UNIQUE (username_key),
    CONSTRAINT uq_app_user_email UNIQUE (email_key)
);
CREATE INDEX ix_app_user_display_name ON app_user (display_name);

CREATE SEQUENCE api_token_id_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE api_token (
    id         BIGINT       NOT NULL PRIMARY KEY,
    user_id    BIGINT       NOT NULL REFERENCES app_user (id),
    name       VARCHAR(100) NOT NULL,
    -- SHA-256 of the secret, hex; the secret itself is never stored
    token_hash VARCHAR(64)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_api_token_hash UNIQUE (token_hash)
);
CREATE INDEX ix_api_token_user ON api_token (user_id);

CREATE SEQUENCE room_id_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE room (
    id               BIGINT        NOT NULL PRIMARY KEY,
    name             VARCHAR(200)  NOT NULL,
    description      VARCHAR(2000) NOT NULL,
    owner_id         BIGINT        NOT NULL REFERENCES app_user (id),
    archived         BOOLEAN       NOT NULL,
    -- seq of the newest message; the room row is locked to hand out the next one
    last_seq         BIGINT        NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_activity_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE SEQUENCE membership_id_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE membership (
    id            BIGINT NOT NULL PRIMARY KEY,
    room_id       BIGINT NOT NULL REFERENCES room (id),
    user_id       BIGINT NOT NULL REFERENCES app_user (id),
    joined_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_read_seq BIGINT NOT NULL,
    CONSTRAINT uq_membership UNIQUE (room_id, user_id)
);
CREATE INDEX ix_membership_user ON membership (user_id);

CREATE SEQUENCE message_id_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE message (
    id                BIGINT        NOT NULL PRIMARY KEY,
    room_id           BIGINT        NOT NULL REFERENCES room (id),
    seq               BIGINT        NOT NULL,
    sender_id         BIGINT        NOT NULL REFERENCES app_user (id),
    -- 10,000 code points may take up to 20,000 UTF-16 units
    content           VARCHAR(20000) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    edited_at         TIMESTAMP WITH TIME ZONE,
    deleted           BOOLEAN       NOT NULL,
    client_message_id VARCHAR(100),
    -- the database itself refuses a duplicate or reused seq
    CONSTRAINT uq_message_room_seq UNIQUE (room_id, seq),
    CONSTRAINT uq_message_client_id UNIQUE (sender_id, client_message_id)
);

CREATE SEQUENCE login_failure_id_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE login_failure (
    id           BIGINT      NOT NULL PRIMARY KEY,
    username_key VARCHAR(120) NOT NULL,
    failed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_login_failure_user_time ON login_failure (username_key, failed_at);
