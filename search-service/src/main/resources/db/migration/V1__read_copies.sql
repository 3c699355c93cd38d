-- Read-copies fed by events. search-service never reads another service's database.

-- Employees from intranet.profile (EmployeeSnapshot): the caller's department and location for permission
-- filters, the author's name for post documents, and enough to rebuild the people index without the topic.
CREATE TABLE employees (
    id           VARCHAR(128) PRIMARY KEY,          -- the OIDC subject
    username     VARCHAR(128),
    display_name VARCHAR(200),
    title        VARCHAR(200),
    department   VARCHAR(120),
    location     VARCHAR(120),
    skills       JSONB        NOT NULL DEFAULT '[]',
    status       VARCHAR(16)  NOT NULL DEFAULT 'ACTIVE',
    version      BIGINT       NOT NULL,             -- the snapshot's version: an older snapshot never overwrites
    updated_at   TIMESTAMPTZ
);

-- Group membership, for the group:<id> principal. No membership events exist yet, so this stays empty until
-- feed-service publishes them; the permission filter already reads it.
CREATE TABLE group_members (
    group_id    VARCHAR(128) NOT NULL,
    employee_id VARCHAR(128) NOT NULL,
    PRIMARY KEY (group_id, employee_id)
);
CREATE INDEX group_members_employee ON group_members (employee_id);
