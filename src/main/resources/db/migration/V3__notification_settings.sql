-- Email notification settings. A user's cadence is null until they choose one, and then the
-- server-wide default (DAEHWA_NOTIFY_DEFAULT) applies: changing the default reaches everyone who
-- never chose. Muting belongs to a membership, so it ends when the membership does.
ALTER TABLE app_user ADD COLUMN email_cadence VARCHAR(10);
ALTER TABLE membership ADD COLUMN email_muted BOOLEAN DEFAULT FALSE NOT NULL;
