-- E-mail to send: written in the transaction of what caused it, sent by EmailSender (claimed with SKIP LOCKED, so
-- each one by one replica), retried with backoff while the SMTP server is away. What it says is rendered when it is
-- sent, from the state then: a notification read in the app meanwhile is not e-mailed.
CREATE TABLE emails (
    id              UUID         PRIMARY KEY,
    recipient_id    VARCHAR(128) NOT NULL,
    kind            VARCHAR(16)  NOT NULL CHECK (kind IN ('NOTIFICATION', 'DIGEST', 'REMINDER')),
    notification_id UUID,                            -- NOTIFICATION, REMINDER
    since           TIMESTAMPTZ,                     -- DIGEST: unread notifications created after this
    due_at          TIMESTAMPTZ  NOT NULL,           -- not before this (quiet hours), nor before the next retry
    attempts        INT          NOT NULL DEFAULT 0,
    outcome         VARCHAR(8)   CHECK (outcome IN ('SENT', 'SKIPPED', 'FAILED')),
    detail          VARCHAR(300),                    -- why skipped, or the last failure
    created_at      TIMESTAMPTZ  NOT NULL,
    done_at         TIMESTAMPTZ
);
CREATE INDEX emails_due ON emails (due_at) WHERE outcome IS NULL;
-- a grouped notification that changes while its e-mail waits is still one e-mail (it shows the latest state)
CREATE UNIQUE INDEX emails_one_pending_per_notification ON emails (notification_id)
    WHERE outcome IS NULL AND kind = 'NOTIFICATION';
CREATE INDEX emails_done ON emails (done_at) WHERE done_at IS NOT NULL;

-- The last digest period each employee was sent (or considered for): one replica claims a period, once.
CREATE TABLE digest_runs (
    employee_id VARCHAR(128) PRIMARY KEY,
    period_at   TIMESTAMPTZ  NOT NULL
);

-- Must-read reminders given, per stage: each is given once, by one replica, across restarts.
CREATE TABLE reminders (
    post_id     VARCHAR(128) NOT NULL,
    employee_id VARCHAR(128) NOT NULL,
    stage       VARCHAR(8)   NOT NULL CHECK (stage IN ('IN_APP', 'EMAIL')),
    at          TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (post_id, employee_id, stage)
);
