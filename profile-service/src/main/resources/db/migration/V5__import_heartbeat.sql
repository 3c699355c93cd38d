-- A running import touches its job after every chunk; one untouched for minutes lost its replica (a restart, a
-- scale-down) and is marked failed by whichever replica sweeps first. Replicas never fail each other's live jobs.
ALTER TABLE import_jobs ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now();
CREATE INDEX import_jobs_running ON import_jobs (updated_at) WHERE state = 'RUNNING';
