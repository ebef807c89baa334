-- Append-only, hash-chained audit log. Each entry's hash covers the previous entry's hash and the entry itself
-- (see AuditChain), so a changed, deleted or reordered row breaks the chain from that point on.
CREATE TABLE audit_entry (
    seq         BIGSERIAL PRIMARY KEY,
    occurred_at TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    visit_id    UUID,
    details     TEXT        NOT NULL,
    prev_hash   TEXT        NOT NULL,
    hash        TEXT        NOT NULL UNIQUE
);

CREATE INDEX audit_entry_visit ON audit_entry (visit_id, seq);

-- The service's own role may only add and read entries.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM ${app_role};
