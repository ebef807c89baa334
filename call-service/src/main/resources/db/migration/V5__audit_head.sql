-- The newest hash of the audit chain, in one row. Appending locks this row: appends are serialized, each links to the
-- one before, and no query has to look for the newest entry.
CREATE TABLE audit_head (
    id   INT PRIMARY KEY CHECK (id = 1),
    hash TEXT NOT NULL
);

INSERT INTO audit_head (id, hash)
SELECT 1, coalesce((SELECT hash FROM audit_entry ORDER BY seq DESC LIMIT 1), repeat('0', 64));

REVOKE INSERT, DELETE, TRUNCATE ON audit_head FROM ${app_role};
