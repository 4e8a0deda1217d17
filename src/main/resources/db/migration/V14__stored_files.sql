-- Files uploaded to a room. The bytes live outside the database (DAEHWA_DATA_DIR/files, under
-- storage_key); the row says whose they are, what they are called and what they are. The
-- content type is read from the bytes, never taken from the client. sha256 is the strong ETag
-- of a download. message_id is for attaching a file to a message later; null until then.
CREATE SEQUENCE stored_file_id_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE stored_file (
    id           BIGINT        NOT NULL PRIMARY KEY,
    room_id      BIGINT        NOT NULL REFERENCES room (id),
    uploader_id  BIGINT        NOT NULL REFERENCES app_user (id),
    -- FileName keeps at most 255 code points, up to 1,020 UTF-8 bytes
    name         VARCHAR(1020) NOT NULL,
    size         BIGINT        NOT NULL,
    content_type VARCHAR(255)  NOT NULL,
    sha256       CHAR(64)      NOT NULL,
    storage_key  VARCHAR(64)   NOT NULL UNIQUE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    message_id   BIGINT        REFERENCES message (id)
);
-- the quota sums an uploader's sizes
CREATE INDEX ix_stored_file_uploader ON stored_file (uploader_id);
CREATE INDEX ix_stored_file_room ON stored_file (room_id);
