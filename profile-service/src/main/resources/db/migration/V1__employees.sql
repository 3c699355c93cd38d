CREATE TABLE employees (
    id           VARCHAR(128) PRIMARY KEY,          -- the OIDC subject
    username     VARCHAR(128) NOT NULL UNIQUE,      -- the @mention handle
    display_name VARCHAR(200) NOT NULL,
    given_name   VARCHAR(100),
    family_name  VARCHAR(100),
    email        VARCHAR(320),
    title        VARCHAR(200),
    department   VARCHAR(120),
    location     VARCHAR(120),
    manager_id   VARCHAR(128) REFERENCES employees (id),
    skills       TEXT[]       NOT NULL DEFAULT '{}',
    status       VARCHAR(16)  NOT NULL DEFAULT 'ACTIVE',
    version      BIGINT       NOT NULL DEFAULT 0,
    created_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX employees_department ON employees (department);
CREATE INDEX employees_location ON employees (location);
CREATE INDEX employees_manager ON employees (manager_id);
