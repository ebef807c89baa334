-- A stand-in aggregate for the outbox tests.
CREATE TABLE note (
    id      UUID PRIMARY KEY,
    counter INT NOT NULL DEFAULT 0
);
