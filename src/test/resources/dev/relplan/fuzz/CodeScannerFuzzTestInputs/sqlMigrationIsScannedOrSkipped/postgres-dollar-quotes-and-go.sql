-- statements split at top-level semicolons; quotes, comments and dollar-quoted bodies respected
CREATE TABLE scratch (id int);
ALTER TABLE orders ADD COLUMN status text NOT NULL;
ALTER TABLE orders RENAME COLUMN total TO amount;
CREATE FUNCTION f() RETURNS trigger AS $body$ BEGIN RETURN 'a;b'; END; $body$ LANGUAGE plpgsql;
/* block ; comment */ ALTER TABLE orders ALTER COLUMN note SET NOT NULL;
DROP TABLE scratch;
GO
ALTER TABLE [dbo].[x] DROP COLUMN [y]
GO
THIS IS NOT SQL;
