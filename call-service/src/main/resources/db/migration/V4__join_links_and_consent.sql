-- One-time join links: only a SHA-256 of the token is stored, so a database leak exposes no usable link.
CREATE TABLE join_link (
    id             UUID PRIMARY KEY,
    visit_id       UUID        NOT NULL REFERENCES visit (id),
    participant_id UUID        NOT NULL REFERENCES participant (id),
    token_hash     TEXT        NOT NULL UNIQUE,
    created_by     TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL,
    used_at        TIMESTAMPTZ,
    revoked_at     TIMESTAMPTZ
);

CREATE INDEX join_link_participant ON join_link (participant_id);

-- Consent per participant and purpose; withdrawal is a timestamp, rows are never deleted.
CREATE TABLE consent (
    id             UUID PRIMARY KEY,
    visit_id       UUID        NOT NULL REFERENCES visit (id),
    participant_id UUID        NOT NULL REFERENCES participant (id),
    purpose        TEXT        NOT NULL CHECK (purpose IN ('VIDEO_VISIT', 'RECORDING')),
    method         TEXT        NOT NULL CHECK (method IN ('LINK', 'VERBAL_ATTESTED', 'IN_APP')),
    given_by       TEXT        NOT NULL,
    attested_by    TEXT,
    given_at       TIMESTAMPTZ NOT NULL,
    client_address TEXT,
    user_agent     TEXT CHECK (length(user_agent) <= 512),
    withdrawn_at   TIMESTAMPTZ,
    withdrawn_by   TEXT
);

CREATE INDEX consent_visit ON consent (visit_id, purpose);
-- At most one current (not withdrawn) consent per participant and purpose.
CREATE UNIQUE INDEX consent_current ON consent (participant_id, purpose) WHERE withdrawn_at IS NULL;
REVOKE DELETE, TRUNCATE ON consent FROM ${app_role};
