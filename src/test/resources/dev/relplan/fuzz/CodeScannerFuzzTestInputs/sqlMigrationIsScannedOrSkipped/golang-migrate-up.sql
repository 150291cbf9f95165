-- The contract step ships with the code change: the running release still reads nickname and
-- writes accounts without a region.
ALTER TABLE accounts DROP COLUMN nickname; -- relplan:finding
ALTER TABLE accounts ADD COLUMN region VARCHAR(16) NOT NULL; -- relplan:finding
