-- Direct rooms: the one conversation of two people. A room is a 'group' (named, owned, open to
-- new members) or 'direct' (two members for good, no owner powers, named for the other person).
-- direct_key is "smallerUserId:largerUserId": its uniqueness keeps two people opening their
-- conversation at the same moment from getting two rooms. Group rooms leave it NULL, and both
-- databases let a unique column hold any number of NULLs.
ALTER TABLE room ADD COLUMN kind VARCHAR(10) DEFAULT 'group' NOT NULL;
ALTER TABLE room ADD COLUMN direct_key VARCHAR(41);
ALTER TABLE room ADD CONSTRAINT uq_room_direct_key UNIQUE (direct_key);
