-- Read-copy of employee basics from intranet.profile (EmployeeSnapshot): names for display, department and
-- location for audience checks, e-mail and status for delivery. Upserted by id; older versions are ignored.
CREATE TABLE employees (
    id           VARCHAR(128) PRIMARY KEY,          -- the OIDC subject
    username     VARCHAR(128),
    display_name VARCHAR(200),
    email        VARCHAR(320),
    department   VARCHAR(120),
    location     VARCHAR(120),
    status       VARCHAR(16)  NOT NULL DEFAULT 'ACTIVE',
    version      BIGINT       NOT NULL
);

-- Read-copy of group membership, for the group:<id> principal. No membership events exist yet, so it stays empty
-- until they do; the audience check already reads it, so private-group posts notify nobody outside the group.
CREATE TABLE group_members (
    group_id    VARCHAR(128) NOT NULL,
    employee_id VARCHAR(128) NOT NULL,
    PRIMARY KEY (group_id, employee_id)
);
CREATE INDEX group_members_employee ON group_members (employee_id);

CREATE TABLE notifications (
    id           UUID         PRIMARY KEY,
    recipient_id VARCHAR(128) NOT NULL,
    type         VARCHAR(16)  NOT NULL
        CHECK (type IN ('MENTION', 'COMMENT', 'REACTION', 'RECOGNITION', 'ANNOUNCEMENT', 'FOLLOW', 'GROUP')),
    actor_id     VARCHAR(128),
    actor_name   VARCHAR(200),
    post_id      VARCHAR(128),
    group_id     VARCHAR(128),
    text         VARCHAR(200) NOT NULL,             -- plain text, never HTML
    -- the post's audience, kept so every read re-checks it against the reader's current principals: leaving a
    -- private group (or a department) hides what was notified from there
    audience     TEXT[]       NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    read_at      TIMESTAMPTZ
);
-- newest-first pages by cursor: (created_at, id) keeps the order stable when timestamps tie
CREATE INDEX notifications_recipient_newest ON notifications (recipient_id, created_at DESC, id DESC);
-- the unread badge and ?unread=true stay cheap however much history a recipient has
CREATE INDEX notifications_recipient_unread ON notifications (recipient_id, created_at DESC, id DESC)
    WHERE read_at IS NULL;
-- one mention notification per post and recipient, even if the post is delivered under another event id
CREATE UNIQUE INDEX notifications_one_mention_per_post ON notifications (recipient_id, post_id)
    WHERE type = 'MENTION';
