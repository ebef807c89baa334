CREATE TABLE participant_session (
    id             UUID PRIMARY KEY,
    visit_id       UUID        NOT NULL,
    participant_id UUID        NOT NULL,
    role           TEXT        NOT NULL,
    state          TEXT        NOT NULL CHECK (state IN ('CONNECTED', 'RECONNECTING', 'LEFT')),
    instance_id    TEXT,
    connected_at   TIMESTAMPTZ NOT NULL,
    last_seen_at   TIMESTAMPTZ NOT NULL
);

CREATE INDEX participant_session_visit ON participant_session (visit_id);
