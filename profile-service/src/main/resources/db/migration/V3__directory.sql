-- The employee directory: the rest of a profile, admin-defined custom fields, and an audit of every change.
ALTER TABLE employees
    ADD COLUMN time_zone       VARCHAR(64),
    ADD COLUMN phone           VARCHAR(40),
    ADD COLUMN bio             VARCHAR(2000),
    ADD COLUMN avatar_url      VARCHAR(2048),
    ADD COLUMN pronouns        VARCHAR(40),
    ADD COLUMN languages       TEXT[]      NOT NULL DEFAULT '{}',
    ADD COLUMN start_date      DATE,
    ADD COLUMN employee_number VARCHAR(64),
    ADD COLUMN custom          JSONB       NOT NULL DEFAULT '{}',
    ADD COLUMN left_at         TIMESTAMPTZ;

-- An employee number identifies one person in the HR system.
CREATE UNIQUE INDEX employees_number ON employees (employee_number) WHERE employee_number IS NOT NULL;

-- Directory search: a prefix of the display name, the family name or the handle, case-insensitively, in
-- display-name order (the cursor is (lower(display_name), id)). text_pattern_ops serves LIKE 'prefix%' whatever the
-- database's collation; the three prefixes combine as a bitmap OR.
CREATE INDEX employees_directory ON employees (lower(display_name), id);
CREATE INDEX employees_name_prefix ON employees (lower(display_name) text_pattern_ops);
CREATE INDEX employees_handle_prefix ON employees (lower(username) text_pattern_ops);
CREATE INDEX employees_family_prefix ON employees (lower(family_name) text_pattern_ops);
CREATE INDEX employees_skills ON employees USING gin (skills);

-- Custom fields: defined by an admin, validated on every write, editable by the person only when self_editable.
CREATE TABLE custom_fields (
    key           VARCHAR(40)  PRIMARY KEY,          -- the JSON key in a profile's "custom" object
    label         VARCHAR(80)  NOT NULL,
    type          VARCHAR(16)  NOT NULL CHECK (type IN ('TEXT', 'NUMBER', 'DATE', 'CHOICE')),
    choices       TEXT[]       NOT NULL DEFAULT '{}',
    self_editable BOOLEAN      NOT NULL DEFAULT false,
    position      INT          NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL
);

-- Who changed which fields of whom, when, and through what (the API, SCIM, an import, the token at first login).
CREATE TABLE profile_audit (
    seq         BIGSERIAL    PRIMARY KEY,
    employee_id VARCHAR(128) NOT NULL,
    actor_id    VARCHAR(128) NOT NULL,
    source      VARCHAR(16)  NOT NULL,
    fields      TEXT[]       NOT NULL,
    at          TIMESTAMPTZ  NOT NULL
);
CREATE INDEX profile_audit_employee ON profile_audit (employee_id, seq DESC);
