-- Transactional outbox in Debezium's layout (id, aggregatetype, aggregateid, type, timestamp, payload), so a
-- Debezium outbox connector can replace the in-process relay at scale. seq keeps insertion order for the relay.
CREATE TABLE outbox (
    seq           BIGSERIAL    PRIMARY KEY,
    id            UUID         NOT NULL UNIQUE,
    aggregatetype VARCHAR(64)  NOT NULL,
    aggregateid   VARCHAR(128) NOT NULL,
    type          VARCHAR(128) NOT NULL,
    timestamp     TIMESTAMPTZ  NOT NULL,
    payload       JSONB        NOT NULL,
    sent_at       TIMESTAMPTZ
);
CREATE INDEX outbox_unsent ON outbox (seq) WHERE sent_at IS NULL;

-- Idempotent consumption: the effect and this row commit together; a duplicate key means "already applied".
CREATE TABLE processed_events (
    consumer     VARCHAR(64)  NOT NULL,
    event_id     VARCHAR(128) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
