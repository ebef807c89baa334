CREATE TABLE recording (
    id           UUID PRIMARY KEY,
    visit_id     UUID        NOT NULL,
    status       TEXT        NOT NULL CHECK (status IN ('RECORDING', 'STORED', 'FAILED', 'EXPIRED')),
    object_key   TEXT,
    started_at   TIMESTAMPTZ NOT NULL,
    retain_until TIMESTAMPTZ
);

CREATE INDEX recording_visit ON recording (visit_id);
