-- feed-service part 1: edits and history, links, comments, reactions, groups with owners, follows, and the
-- materialised home timelines (ARCHITECTURE.md §4).

-- Posts: counters are kept here, never counted per read.
ALTER TABLE posts ADD COLUMN links           JSONB       NOT NULL DEFAULT '[]';
ALTER TABLE posts ADD COLUMN reaction_counts JSONB       NOT NULL DEFAULT '{}';
ALTER TABLE posts ADD COLUMN revision        INT         NOT NULL DEFAULT 1;
ALTER TABLE posts ADD COLUMN edited_at       TIMESTAMPTZ;
ALTER TABLE posts ADD COLUMN deleted_by      VARCHAR(128);
-- read-time merged into home feeds instead of fanned out: posts of groups too large to fan out (and, later,
-- announcements); see FanOut
ALTER TABLE posts ADD COLUMN broadcast       BOOLEAN     NOT NULL DEFAULT false;
CREATE INDEX posts_group ON posts (group_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX posts_broadcast ON posts (group_id, created_at DESC, id DESC) WHERE broadcast AND deleted_at IS NULL;
CREATE INDEX posts_company ON posts (created_at DESC, id DESC) WHERE group_id IS NULL AND deleted_at IS NULL;

-- Every text a post has had, newest revision = the current text; GET /api/posts/{id}/history reads it.
CREATE TABLE post_revisions (
    post_id    UUID         NOT NULL REFERENCES posts (id),
    revision   INT          NOT NULL,
    body       TEXT         NOT NULL,
    links      JSONB        NOT NULL DEFAULT '[]',
    written_by VARCHAR(128) NOT NULL,
    written_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (post_id, revision)
);

-- One row per (tag, post): a topic feed walks this index newest first, where a GIN index over posts.hashtags
-- would have to sort every match of a popular tag.
CREATE TABLE post_tags (
    tag        VARCHAR(64) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    post_id    UUID        NOT NULL REFERENCES posts (id),
    PRIMARY KEY (tag, created_at, post_id)
);
CREATE INDEX post_tags_post ON post_tags (post_id);

-- @handles that named nobody the read-copy knew; resolved when the employee's snapshot arrives (MentionResolver).
CREATE TABLE pending_mentions (
    id         BIGSERIAL    PRIMARY KEY,
    handle     VARCHAR(64)  NOT NULL,       -- lower case
    post_id    UUID         NOT NULL REFERENCES posts (id),
    comment_id UUID,                        -- null: the mention is in the post itself
    created_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX pending_mentions_handle ON pending_mentions (handle, created_at);
CREATE INDEX pending_mentions_post ON pending_mentions (post_id);

CREATE TABLE comments (
    id              UUID         PRIMARY KEY,
    post_id         UUID         NOT NULL REFERENCES posts (id),
    parent_id       UUID         REFERENCES comments (id),
    author_id       VARCHAR(128) NOT NULL,
    body            TEXT         NOT NULL,
    mentions        TEXT[]       NOT NULL DEFAULT '{}',
    reaction_counts JSONB        NOT NULL DEFAULT '{}',
    reply_count     INT          NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ  NOT NULL,
    edited_at       TIMESTAMPTZ,
    deleted_at      TIMESTAMPTZ,
    deleted_by      VARCHAR(128)
);
-- newest-last paging within a post (top-level) and within a thread (replies)
CREATE INDEX comments_thread ON comments (post_id, parent_id, created_at, id) WHERE deleted_at IS NULL;

-- One reaction per person per post, and per person per comment.
CREATE TABLE post_reactions (
    post_id     UUID         NOT NULL REFERENCES posts (id),
    employee_id VARCHAR(128) NOT NULL,
    type        VARCHAR(16)  NOT NULL,
    reacted_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (post_id, employee_id)
);
CREATE INDEX post_reactions_newest ON post_reactions (post_id, reacted_at DESC, employee_id DESC);
CREATE TABLE comment_reactions (
    comment_id  UUID         NOT NULL REFERENCES comments (id),
    employee_id VARCHAR(128) NOT NULL,
    type        VARCHAR(16)  NOT NULL,
    reacted_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (comment_id, employee_id)
);

-- Groups: owners are members with the OWNER role; counters kept on the group.
ALTER TABLE groups ADD COLUMN member_count INT         NOT NULL DEFAULT 0;
ALTER TABLE groups ADD COLUMN version      BIGINT      NOT NULL DEFAULT 1;
ALTER TABLE groups ADD COLUMN updated_at   TIMESTAMPTZ;
ALTER TABLE group_members ADD COLUMN role VARCHAR(16) NOT NULL DEFAULT 'MEMBER';
UPDATE group_members m SET role = 'OWNER' FROM groups g WHERE g.id = m.group_id AND g.owner_id = m.employee_id;
UPDATE groups g SET member_count = (SELECT count(*) FROM group_members m WHERE m.group_id = g.id);
CREATE INDEX groups_name ON groups (lower(name), id);

CREATE TABLE follows (
    follower_id VARCHAR(128) NOT NULL,
    kind        VARCHAR(8)   NOT NULL,       -- PERSON or TOPIC
    target      VARCHAR(128) NOT NULL,       -- employee id or lower-case tag
    created_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (follower_id, kind, target)
);
-- fan-out reads who follows an author or a tag
CREATE INDEX follows_target ON follows (kind, target, follower_id);
CREATE INDEX follows_newest ON follows (follower_id, created_at DESC, kind, target);
CREATE TABLE follow_counts (
    employee_id VARCHAR(128) PRIMARY KEY,
    followers   INT NOT NULL DEFAULT 0,
    following   INT NOT NULL DEFAULT 0
);

-- Materialised home timelines (fan-out on write). A timeline exists for an owner while timeline_owners has their
-- row; fan-out writes only to existing ones, a read builds a missing one, idle ones are evicted, and each is
-- trimmed to the newest entries (FeedTimelines).
CREATE TABLE timeline_owners (
    owner_id   VARCHAR(128) PRIMARY KEY,
    built_at   TIMESTAMPTZ  NOT NULL,
    read_at    TIMESTAMPTZ  NOT NULL,
    trimmed_at TIMESTAMPTZ
);
CREATE INDEX timeline_owners_idle ON timeline_owners (read_at);
CREATE INDEX timeline_owners_trim ON timeline_owners (trimmed_at NULLS FIRST);
CREATE TABLE timelines (
    owner_id   VARCHAR(128) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    post_id    UUID         NOT NULL,
    author_id  VARCHAR(128) NOT NULL,
    group_id   VARCHAR(64),
    PRIMARY KEY (owner_id, created_at, post_id)
) WITH (fillfactor = 90);
CREATE INDEX timelines_post ON timelines (post_id);
