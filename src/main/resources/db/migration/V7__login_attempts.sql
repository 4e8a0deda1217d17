-- Login throttling counts attempts in one row per username, taken with a row lock before the
-- password is checked, instead of logging failures after the check (which let parallel guesses
-- all pass). The old log only throttles guesses of the last five minutes, so it is not carried over.
CREATE TABLE login_attempts (
    username_key VARCHAR(120) NOT NULL PRIMARY KEY,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts     INTEGER NOT NULL
);
DROP TABLE login_failure;
DROP SEQUENCE login_failure_id_seq;
-- for the purge of windows that ended long ago (random usernames would otherwise pile up)
CREATE INDEX ix_login_attempts_window ON login_attempts (window_start);
