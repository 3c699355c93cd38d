-- Read-copy of employee basics, fed by intranet.profile: names for display, handles for @mentions,
-- department and location for audience targeting.
CREATE TABLE employees (
    id           VARCHAR(128) PRIMARY KEY,
    username     VARCHAR(128) NOT NULL,
    display_name VARCHAR(200) NOT NULL,
    department   VARCHAR(120),
    location     VARCHAR(120),
    status       VARCHAR(16)  NOT NULL,
    version      BIGINT       NOT NULL
);
CREATE UNIQUE INDEX employees_username ON employees (lower(username));

-- Groups own their membership; content of private groups is visible to members only.
CREATE TABLE groups (
    id          VARCHAR(64)  PRIMARY KEY,
    name        VARCHAR(120) NOT NULL,
    description VARCHAR(2000),
    visibility  VARCHAR(16)  NOT NULL,
    owner_id    VARCHAR(128) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);
CREATE TABLE group_members (
    group_id    VARCHAR(64)  NOT NULL REFERENCES groups (id),
    employee_id VARCHAR(128) NOT NULL,
    joined_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (group_id, employee_id)
);
CREATE INDEX group_members_employee ON group_members (employee_id);

CREATE TABLE posts (
    id             UUID          PRIMARY KEY,
    author_id      VARCHAR(128)  NOT NULL,
    kind           VARCHAR(16)   NOT NULL,
    body           TEXT          NOT NULL,
    group_id       VARCHAR(64)   REFERENCES groups (id),
    -- who may see it, as principals (all, group:<id>, dept:<name>, loc:<name>, user:<id>); every read filters on it
    audience       TEXT[]        NOT NULL,
    mentions       TEXT[]        NOT NULL DEFAULT '{}',
    hashtags       TEXT[]        NOT NULL DEFAULT '{}',
    comment_count  INT           NOT NULL DEFAULT 0,
    reaction_count INT           NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ   NOT NULL,
    updated_at     TIMESTAMPTZ   NOT NULL,
    deleted_at     TIMESTAMPTZ
);
-- newest-first cursor pagination: (created_at, id) keeps the order stable when timestamps tie
CREATE INDEX posts_newest ON posts (created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX posts_audience ON posts USING GIN (audience);
CREATE INDEX posts_author ON posts (author_id, created_at DESC, id DESC);
CREATE INDEX posts_hashtags ON posts USING GIN (hashtags);
