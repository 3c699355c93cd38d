-- Rebuilds of the indices from the topics (POST /api/admin/search/reindex). Any replica answers for a job; one runs
-- at a time across replicas (the partial unique index), and a job whose replica stopped (no heartbeat) is failed
-- by the next request.
CREATE TABLE reindex_jobs (
    id            UUID         PRIMARY KEY,
    state         VARCHAR(16)  NOT NULL,             -- RUNNING, DONE, FAILED
    requested_by  VARCHAR(128) NOT NULL,
    started_at    TIMESTAMPTZ  NOT NULL,
    heartbeat_at  TIMESTAMPTZ  NOT NULL,
    finished_at   TIMESTAMPTZ,
    events        BIGINT       NOT NULL DEFAULT 0,   -- records replayed so far
    total_events  BIGINT       NOT NULL DEFAULT 0,   -- records in the topics when the job started
    documents     BIGINT       NOT NULL DEFAULT 0,   -- document writes sent to the new indices
    indices       JSONB        NOT NULL DEFAULT '{}',-- alias -> {from, to}
    error         TEXT
);
CREATE UNIQUE INDEX reindex_jobs_one_running ON reindex_jobs ((true)) WHERE state = 'RUNNING';
CREATE INDEX reindex_jobs_started ON reindex_jobs (started_at DESC);
