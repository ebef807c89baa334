CREATE TABLE quality_report (
    visit_id     UUID PRIMARY KEY,
    generated_at TIMESTAMPTZ      NOT NULL,
    average_mos  DOUBLE PRECISION CHECK (average_mos BETWEEN 1 AND 5),
    poor_seconds INT              NOT NULL DEFAULT 0,
    relayed      BOOLEAN          NOT NULL DEFAULT false
);
