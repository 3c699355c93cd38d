-- What each employee chose (GET|PUT /api/notification-preferences); no row means the defaults.
CREATE TABLE preferences (
    employee_id  VARCHAR(128) PRIMARY KEY,
    -- {"MENTION":{"inApp":true,"email":true},…}: every type as last saved; types added later take their default
    channels     JSONB        NOT NULL,
    muted_posts  TEXT[]       NOT NULL DEFAULT '{}',
    muted_groups TEXT[]       NOT NULL DEFAULT '{}',
    time_zone    VARCHAR(64),                       -- null: the service's default zone
    quiet_from   TIME,                              -- both or neither; from > to spans midnight
    quiet_to     TIME,
    digest       VARCHAR(8)   NOT NULL CHECK (digest IN ('DAILY', 'WEEKLY', 'OFF')),
    updated_at   TIMESTAMPTZ  NOT NULL
);

-- "Notify me of every new post in this group": looked up by group when a post is published there.
CREATE TABLE group_subscriptions (
    group_id    VARCHAR(128) NOT NULL,
    employee_id VARCHAR(128) NOT NULL,
    PRIMARY KEY (group_id, employee_id)
);
CREATE INDEX group_subscriptions_employee ON group_subscriptions (employee_id);
