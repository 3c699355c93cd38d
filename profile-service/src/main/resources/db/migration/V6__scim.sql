-- SCIM 2.0 provisioning from an identity provider (Entra ID, Okta).
-- external_id: the provisioner's own id for the person (SCIM externalId), which it may filter on.
-- scim_deleted_at: the provisioner deleted the person. They stay a former employee here (their posts keep an author)
-- but SCIM answers 404 for them, as RFC 7644 §3.6 asks; a later POST with the same userName brings them back.
ALTER TABLE employees
    ADD COLUMN external_id     VARCHAR(255),
    ADD COLUMN scim_deleted_at TIMESTAMPTZ;
CREATE INDEX employees_external_id ON employees (external_id) WHERE external_id IS NOT NULL;

-- Groups the provisioner pushes (teams, distribution lists, departments as the IdP models them), with members.
CREATE TABLE directory_groups (
    id           VARCHAR(64)  PRIMARY KEY,
    display_name VARCHAR(256) NOT NULL,
    external_id  VARCHAR(255),
    version      BIGINT       NOT NULL DEFAULT 0,
    created_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL
);
-- Entra ID and Okta match groups by display name: one name, one group (any case).
CREATE UNIQUE INDEX directory_groups_name ON directory_groups (lower(display_name));

-- An erased employee leaves every group with their profile.
CREATE TABLE directory_group_members (
    group_id    VARCHAR(64)  NOT NULL REFERENCES directory_groups (id) ON DELETE CASCADE,
    employee_id VARCHAR(128) NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, employee_id)
);
CREATE INDEX directory_group_members_employee ON directory_group_members (employee_id);
