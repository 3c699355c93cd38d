-- HR announcements: targeted (the audience principals on the post, resolved against the read-copies at read
-- time), pinned, expiring, scheduled, must-read. Publishing writes the post row only, whatever the audience's size;
-- receipts are written as people open and acknowledge.
ALTER TABLE posts ADD COLUMN must_read boolean NOT NULL DEFAULT false;
ALTER TABLE posts ADD COLUMN pinned_until timestamptz;
ALTER TABLE posts ADD COLUMN expires_at timestamptz;
-- while scheduled (publish_at set), audience admits HR only and the intended one waits in target_audience; the
-- scheduler swaps them at publish_at, clears publish_at and sets created_at to the publication time
ALTER TABLE posts ADD COLUMN publish_at timestamptz;
ALTER TABLE posts ADD COLUMN target_audience text[];

-- the announcements a reader may have: newest first, only live ones
CREATE INDEX posts_announcements ON posts (created_at DESC, id DESC)
    WHERE kind = 'ANNOUNCEMENT' AND deleted_at IS NULL AND publish_at IS NULL;
-- what the scheduler publishes next
CREATE INDEX posts_scheduled ON posts (publish_at) WHERE publish_at IS NOT NULL AND deleted_at IS NULL;

CREATE TABLE announcement_receipts (
    post_id         uuid        NOT NULL REFERENCES posts (id),
    employee_id     varchar(64) NOT NULL,
    seen_at         timestamptz NOT NULL,
    acknowledged_at timestamptz,
    PRIMARY KEY (post_id, employee_id)
);
