-- Every notification has a group key: what makes two events "the same notification" for one recipient
-- (reaction:post:<id>, comment:post:<id>, comment:thread:<id>, mention:post:<id>, mention:comment:<id>,
-- follow:<follower>, group:added:<id>, group:post:<post id>, announcement:<post id>, recognition:<post id>).
-- A second event with the same key from a new actor updates the row ("Alice and 4 others reacted…") and makes it
-- unread again; from an actor already counted it changes nothing. This replaces the per-type unique indexes.
ALTER TABLE notifications ADD COLUMN group_key   VARCHAR(300);
ALTER TABLE notifications ADD COLUMN comment_id  VARCHAR(128);
ALTER TABLE notifications ADD COLUMN actor_count INT     NOT NULL DEFAULT 1;
ALTER TABLE notifications ADD COLUMN must_read   BOOLEAN NOT NULL DEFAULT false;
UPDATE notifications SET group_key = lower(type) || ':' || CASE WHEN type = 'MENTION' THEN 'post:' ELSE '' END
    || coalesce(post_id, id::text);
ALTER TABLE notifications ALTER COLUMN group_key SET NOT NULL;
DROP INDEX notifications_one_mention_per_post;
DROP INDEX notifications_one_recognition_per_post;
CREATE UNIQUE INDEX notifications_group ON notifications (recipient_id, group_key);
-- a deleted post takes its notifications with it
CREATE INDEX notifications_post ON notifications (post_id) WHERE post_id IS NOT NULL;

-- The distinct people behind a grouped notification: counted once however often they react again.
CREATE TABLE notification_actors (
    notification_id UUID         NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
    actor_id        VARCHAR(128) NOT NULL,
    PRIMARY KEY (notification_id, actor_id)
);
CREATE INDEX notification_actors_actor ON notification_actors (actor_id);
INSERT INTO notification_actors (notification_id, actor_id)
    SELECT id, actor_id FROM notifications WHERE actor_id IS NOT NULL;

-- Who took part in a comment thread (the top-level comment's author and everyone who replied): told of new replies.
CREATE TABLE thread_participants (
    thread_id   VARCHAR(128) NOT NULL,              -- the top-level comment
    employee_id VARCHAR(128) NOT NULL,
    post_id     VARCHAR(128) NOT NULL,
    PRIMARY KEY (thread_id, employee_id)
);
CREATE INDEX thread_participants_post ON thread_participants (post_id);
CREATE INDEX thread_participants_employee ON thread_participants (employee_id);

-- Group names for "Alice added you to Marketing", from group.created / group.updated.
CREATE TABLE groups (
    id         VARCHAR(128) PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    visibility VARCHAR(16)  NOT NULL,
    version    BIGINT       NOT NULL
);

-- An announcement is one row here, not one per employee: each person's notification is written when they first
-- read their list, count or stream (or are connected when it is published), if they are in its audience.
CREATE TABLE broadcasts (
    post_id      VARCHAR(128) PRIMARY KEY,
    author_id    VARCHAR(128) NOT NULL,
    author_name  VARCHAR(200),
    audience     TEXT[]       NOT NULL,
    must_read    BOOLEAN      NOT NULL,
    text         VARCHAR(200) NOT NULL,
    published_at TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ
);
CREATE INDEX broadcasts_published ON broadcasts (published_at);

-- Who acknowledged a must-read announcement (feed-service's announcement.acknowledged): their notification is read
-- and no reminder goes to them.
CREATE TABLE acknowledgements (
    post_id         VARCHAR(128) NOT NULL,
    employee_id     VARCHAR(128) NOT NULL,
    acknowledged_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (post_id, employee_id)
);
CREATE INDEX acknowledgements_employee ON acknowledgements (employee_id);
