-- Rolling back the expand step drops what it added: not a forward step.
ALTER TABLE accounts DROP COLUMN display_name;
