-- Spilled frames of an instance that died before taking them are deleted after a minute (SessionSweeper).
ALTER TABLE relay_spill ADD COLUMN created_at TIMESTAMPTZ NOT NULL DEFAULT now();
