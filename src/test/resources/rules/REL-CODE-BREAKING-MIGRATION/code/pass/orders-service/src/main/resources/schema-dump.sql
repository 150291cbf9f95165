-- Not a migration (no Flyway version in the name): a dump is not judged.
ALTER TABLE orders DROP COLUMN legacy_ref;
