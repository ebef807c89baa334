ALTER TABLE visit
    ADD COLUMN scheduled_end_at TIMESTAMPTZ,
    ADD COLUMN ringing_at       TIMESTAMPTZ,
    ADD COLUMN ring_deadline    TIMESTAMPTZ,
    ADD COLUMN started_at       TIMESTAMPTZ,
    ADD COLUMN ended_at         TIMESTAMPTZ,
    ADD COLUMN failure_detail   TEXT CHECK (length(failure_detail) <= 500),
    ADD COLUMN idempotency_key  TEXT,
    ADD COLUMN request_hash     TEXT,
    ADD CONSTRAINT visit_status_known CHECK (status IN
        ('SCHEDULED', 'RINGING', 'IN_PROGRESS', 'ENDED', 'CANCELLED', 'DECLINED', 'MISSED', 'FAILED'));
UPDATE visit SET scheduled_end_at = scheduled_at + interval '30 minutes' WHERE scheduled_end_at IS NULL;
ALTER TABLE visit ALTER COLUMN scheduled_end_at SET NOT NULL;

-- A retried create with the same key returns the first visit.
CREATE UNIQUE INDEX visit_idempotency ON visit (created_by, idempotency_key) WHERE idempotency_key IS NOT NULL;
-- The ring-timeout sweep looks only at ringing visits.
CREATE INDEX visit_ringing ON visit (ring_deadline) WHERE status = 'RINGING';
CREATE INDEX visit_history ON visit (scheduled_at DESC, id DESC);

CREATE TABLE participant (
    id               UUID PRIMARY KEY,
    visit_id         UUID        NOT NULL REFERENCES visit (id),
    role             TEXT        NOT NULL CHECK (role IN ('CLINICIAN', 'PATIENT', 'INTERPRETER', 'CAREGIVER')),
    subject          TEXT,
    state            TEXT        NOT NULL CHECK (state IN
                         ('INVITED', 'WAITING', 'ADMITTED', 'CONNECTED', 'DISCONNECTED', 'LEFT')),
    invited_at       TIMESTAMPTZ NOT NULL,
    admitted_at      TIMESTAMPTZ,
    joined_at        TIMESTAMPTZ,
    connected_since  TIMESTAMPTZ,
    left_at          TIMESTAMPTZ,
    connected_millis BIGINT      NOT NULL DEFAULT 0
);

CREATE INDEX participant_visit ON participant (visit_id);
CREATE INDEX participant_subject ON participant (subject, visit_id) WHERE subject IS NOT NULL;
