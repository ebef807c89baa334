-- Idempotent consumers (event-contracts): one row per (consumer, event id), written in the same transaction as the
-- event's effect. seq records the order in which this service applied events.
CREATE TABLE processed_event (
    seq          BIGSERIAL PRIMARY KEY,
    consumer     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    UNIQUE (consumer, event_id)
);
