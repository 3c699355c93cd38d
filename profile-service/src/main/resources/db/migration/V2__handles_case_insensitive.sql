-- Handles are unique case-insensitively: "Alice" and "alice" are one @mention, so they are one person. A clash
-- is resolved once, at provisioning (the newcomer gets a derived handle), never downstream in a read-copy.
ALTER TABLE employees DROP CONSTRAINT IF EXISTS employees_username_key;
CREATE UNIQUE INDEX employees_handle ON employees (lower(username));
