-- Raw samples, as scored at ingest. sample_id (the producer's id) makes a redelivered sample a no-op; late samples
-- (not newer than their stream's last one) are kept for audit but left out of decisions and reports.
CREATE TABLE quality_sample (
    sample_id          UUID PRIMARY KEY,
    visit_id           UUID             NOT NULL,
    participant_id     UUID             NOT NULL,
    role               TEXT             NOT NULL,
    measured_at        TIMESTAMPTZ      NOT NULL,
    received_at        TIMESTAMPTZ      NOT NULL DEFAULT now(),
    direction          TEXT             NOT NULL CHECK (direction IN ('INBOUND', 'OUTBOUND')),
    kind               TEXT             NOT NULL CHECK (kind IN ('AUDIO', 'VIDEO')),
    packet_loss_pct    DOUBLE PRECISION,
    jitter_ms          DOUBLE PRECISION,
    rtt_ms             DOUBLE PRECISION,
    bitrate_kbps       DOUBLE PRECISION,
    frames_per_second  DOUBLE PRECISION,
    frame_height       INT,
    frames_decoded     BIGINT,
    frames_dropped     BIGINT,
    freeze_count       BIGINT,
    concealed_pct      DOUBLE PRECISION,
    quality_limitation TEXT,
    candidate_type     TEXT,
    protocol           TEXT,
    audio_mos          DOUBLE PRECISION,
    video_score        DOUBLE PRECISION,
    level              TEXT             NOT NULL CHECK (level IN ('GOOD', 'FAIR', 'POOR', 'BAD')),
    cause              TEXT             NOT NULL,
    late               BOOLEAN          NOT NULL DEFAULT false
);
CREATE INDEX quality_sample_participant ON quality_sample (visit_id, participant_id, measured_at);
CREATE INDEX quality_sample_measured_at ON quality_sample (measured_at);

-- After the raw retention, one row per stream and minute replaces the raw samples.
CREATE TABLE quality_sample_minute (
    visit_id         UUID             NOT NULL,
    participant_id   UUID             NOT NULL,
    role             TEXT             NOT NULL,
    direction        TEXT             NOT NULL,
    kind             TEXT             NOT NULL,
    minute           TIMESTAMPTZ      NOT NULL,
    samples          INT              NOT NULL,
    poor_samples     INT              NOT NULL,
    relay_samples    INT              NOT NULL,
    packet_loss_avg  DOUBLE PRECISION,
    packet_loss_max  DOUBLE PRECISION,
    jitter_avg       DOUBLE PRECISION,
    rtt_avg          DOUBLE PRECISION,
    audio_mos_avg    DOUBLE PRECISION,
    audio_mos_min    DOUBLE PRECISION,
    video_score_avg  DOUBLE PRECISION,
    PRIMARY KEY (visit_id, participant_id, direction, kind, minute)
);

-- Each participant's hysteresis, so another instance continues a visit exactly where this one stopped.
CREATE TABLE participant_quality (
    visit_id        UUID        NOT NULL,
    participant_id  UUID        NOT NULL,
    role            TEXT        NOT NULL,
    profile         TEXT        NOT NULL CHECK (profile IN ('HIGH', 'MEDIUM', 'LOW', 'AUDIO_ONLY')),
    upgrade_since   TIMESTAMPTZ,
    warning         TEXT        NOT NULL CHECK (warning IN ('NONE', 'WARNING', 'CRITICAL')),
    warning_code    TEXT,
    calm_since      TIMESTAMPTZ,
    audio_bad_since TIMESTAMPTZ,
    fallback_at     TIMESTAMPTZ,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (visit_id, participant_id)
);

-- Every decision published (each also went to the outbox in the same transaction): the report's timeline.
CREATE TABLE quality_decision (
    decision_id    UUID PRIMARY KEY,
    visit_id       UUID        NOT NULL,
    participant_id UUID        NOT NULL,
    role           TEXT        NOT NULL,
    at             TIMESTAMPTZ NOT NULL,
    kind           TEXT        NOT NULL CHECK (kind IN ('WARNING', 'PROFILE', 'PHONE_FALLBACK')),
    value          TEXT        NOT NULL,
    code           TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX quality_decision_visit ON quality_decision (visit_id, at);
-- One phone fallback per participant and visit, whichever path (bad audio, repeated failures) decides it first.
CREATE UNIQUE INDEX quality_decision_one_fallback ON quality_decision (visit_id, participant_id)
    WHERE kind = 'PHONE_FALLBACK';

-- Presence changes from signaling-service (disconnects and reconnects per participant).
CREATE TABLE presence_change (
    event_id       TEXT PRIMARY KEY,
    visit_id       UUID        NOT NULL,
    participant_id UUID        NOT NULL,
    role           TEXT        NOT NULL,
    at             TIMESTAMPTZ NOT NULL,
    change         TEXT        NOT NULL CHECK (change IN ('CONNECTED', 'DISCONNECTED', 'RECONNECTED', 'LEFT'))
);
CREATE INDEX presence_change_participant ON presence_change (visit_id, participant_id, at);

-- The final report, written when the visit ends or fails.
ALTER TABLE quality_report
    ADD COLUMN ended_at        TIMESTAMPTZ,
    ADD COLUMN outcome         TEXT,
    ADD COLUMN poor_quality    BOOLEAN          NOT NULL DEFAULT false,
    ADD COLUMN relay_ratio     DOUBLE PRECISION,
    ADD COLUMN phone_fallbacks INT              NOT NULL DEFAULT 0,
    ADD COLUMN participants    INT              NOT NULL DEFAULT 0,
    ADD COLUMN report          TEXT;
CREATE INDEX quality_report_ended_at ON quality_report (ended_at);
