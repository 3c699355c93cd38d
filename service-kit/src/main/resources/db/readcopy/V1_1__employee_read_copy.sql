-- One layout for the employees read-copy of every consuming service (feed, search, notification), written by the
-- kit's EmployeeCopies. Each service's V1 created its own subset; this brings all three to the same columns.
ALTER TABLE employees ADD COLUMN IF NOT EXISTS email VARCHAR(320);
ALTER TABLE employees ADD COLUMN IF NOT EXISTS title VARCHAR(200);
ALTER TABLE employees ADD COLUMN IF NOT EXISTS updated_at TIMESTAMPTZ;
ALTER TABLE employees ALTER COLUMN display_name DROP NOT NULL;

-- search kept skills as JSON; the copy keeps them as text[] like profile-service does
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.columns
               WHERE table_schema = current_schema() AND table_name = 'employees'
                 AND column_name = 'skills' AND data_type = 'jsonb') THEN
        ALTER TABLE employees RENAME COLUMN skills TO skills_json;
        ALTER TABLE employees ADD COLUMN skills TEXT[] NOT NULL DEFAULT '{}';
        UPDATE employees SET skills = ARRAY(SELECT jsonb_array_elements_text(skills_json));
        ALTER TABLE employees DROP COLUMN skills_json;
    END IF;
END $$;
ALTER TABLE employees ADD COLUMN IF NOT EXISTS skills TEXT[] NOT NULL DEFAULT '{}';

-- Handles are unique case-insensitively in profile-service. The copy does not enforce it: snapshots of two
-- employees travel on different partitions, so a handle freed by one and taken by the other may arrive in either
-- order, and a unique index would dead-letter the second. Mentions look handles up through this index.
DROP INDEX IF EXISTS employees_username;
CREATE INDEX IF NOT EXISTS employees_handle ON employees (lower(username));
