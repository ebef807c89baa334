CREATE TABLE visit (
    id             UUID PRIMARY KEY,
    type           TEXT        NOT NULL CHECK (type IN ('VIDEO', 'AUDIO')),
    status         TEXT        NOT NULL,
    scheduled_at   TIMESTAMPTZ NOT NULL,
    appointment_id TEXT,
    created_by     TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    status_reason  TEXT,
    version        BIGINT      NOT NULL DEFAULT 0
);

CREATE INDEX visit_scheduled_at ON visit (scheduled_at);
CREATE INDEX visit_created_by ON visit (created_by);
