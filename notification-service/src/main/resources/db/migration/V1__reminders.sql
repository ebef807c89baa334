CREATE TABLE reminder (
    visit_id       UUID PRIMARY KEY,
    visit_at       TIMESTAMPTZ NOT NULL,
    remind_at      TIMESTAMPTZ NOT NULL,
    status         TEXT        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'CANCELLED')),
    applied_events INT         NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    version        BIGINT      NOT NULL DEFAULT 0
);

CREATE INDEX reminder_due ON reminder (remind_at) WHERE status = 'PENDING';
