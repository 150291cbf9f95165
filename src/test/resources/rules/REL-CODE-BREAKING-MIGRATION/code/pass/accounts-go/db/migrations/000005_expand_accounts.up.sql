-- Expand only: a nullable column, backfilled; the old one stays until a later release.
ALTER TABLE accounts ADD COLUMN display_name VARCHAR(64);
UPDATE accounts SET display_name = nickname;
