-- CSV imports run as jobs: their progress and every rejected row, readable while they run and after.
CREATE TABLE import_jobs (
    id          UUID         PRIMARY KEY,
    created_by  VARCHAR(128) NOT NULL,
    state       VARCHAR(16)  NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
    total       INT          NOT NULL,
    processed   INT          NOT NULL DEFAULT 0,
    created     INT          NOT NULL DEFAULT 0,
    updated     INT          NOT NULL DEFAULT 0,
    unchanged   INT          NOT NULL DEFAULT 0,
    deactivated INT          NOT NULL DEFAULT 0,
    errors      JSONB        NOT NULL DEFAULT '[]',
    failure     TEXT,
    created_at  TIMESTAMPTZ  NOT NULL,
    finished_at TIMESTAMPTZ
);
