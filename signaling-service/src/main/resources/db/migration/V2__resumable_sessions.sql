-- Resumable sessions, spread over several instances (docs/signaling-protocol.md#surviving-drops).
-- A session is CONNECTED (its owner instance holds the socket), RECONNECTING (in its grace period: the owner, if any,
-- still holds the unacknowledged frames in memory; without an owner they are in session_mailbox) or LEFT (final).
ALTER TABLE participant_session DROP CONSTRAINT participant_session_state_check;
ALTER TABLE participant_session
    ADD CONSTRAINT participant_session_state_check CHECK (state IN ('CONNECTED', 'RECONNECTING', 'LEFT')),
    ADD COLUMN resume_token_hash TEXT,
    ADD COLUMN owner_instance    BIGINT,
    ADD COLUMN last_seq          BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN grace_deadline    TIMESTAMPTZ,
    ADD COLUMN left_reason       TEXT,
    ADD COLUMN admitted          BOOLEAN NOT NULL DEFAULT false,
    -- Set when the owner died holding the session: its unacknowledged frames are lost, a resume is incomplete.
    ADD COLUMN orphaned          BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE participant_session DROP COLUMN instance_id;
UPDATE participant_session SET state = 'LEFT', left_reason = 'MIGRATED' WHERE state <> 'LEFT';

-- One live session per participant: a new join supersedes the old one in the same transaction.
CREATE UNIQUE INDEX participant_session_live ON participant_session (visit_id, participant_id) WHERE state <> 'LEFT';
CREATE UNIQUE INDEX participant_session_resume ON participant_session (resume_token_hash) WHERE state <> 'LEFT';
CREATE INDEX participant_session_grace ON participant_session (grace_deadline) WHERE state = 'RECONNECTING';
CREATE INDEX participant_session_owner ON participant_session (owner_instance) WHERE state <> 'LEFT';

-- Patients admitted from the waiting room, written from call-service's visit events (any instance may read it).
CREATE TABLE visit_admission (
    visit_id       UUID NOT NULL,
    participant_id UUID NOT NULL,
    admitted_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (visit_id, participant_id)
);

-- Server frames kept for a session that has no owner holding them: written at hand-over and while ownerless.
CREATE TABLE session_mailbox (
    session_id UUID   NOT NULL REFERENCES participant_session (id) ON DELETE CASCADE,
    seq        BIGINT NOT NULL,
    frame      TEXT   NOT NULL,
    PRIMARY KEY (session_id, seq)
);

-- Frames too large for one notification (8000 bytes) wait here for their owner, which takes them by id.
CREATE TABLE relay_spill (
    id         BIGSERIAL PRIMARY KEY,
    session_id UUID NOT NULL,
    frame      TEXT NOT NULL
);

-- Routes one server frame (a JSON object without its seq) to a live session owned by another instance, atomically
-- against ownership changes: to the owner through NOTIFY on its channel signaling_<owner>, or into the mailbox when the
-- session has no owner. The target is a session id, or else the live session of (visit, participant). A relayed
-- frame (offer, answer, candidate) never reaches a patient still in the waiting room.
-- Returns NOTIFIED, STORED, ABSENT or NOT_ADMITTED.
CREATE FUNCTION signal_route(target UUID, visit UUID, participant UUID, frame TEXT, relayed BOOLEAN)
    RETURNS TEXT LANGUAGE plpgsql AS $$
DECLARE
    s participant_session%ROWTYPE;
    spill BIGINT;
BEGIN
    IF target IS NOT NULL THEN
        SELECT * INTO s FROM participant_session WHERE id = target AND state <> 'LEFT' FOR SHARE;
    ELSE
        SELECT * INTO s FROM participant_session
        WHERE visit_id = visit AND participant_id = participant AND state <> 'LEFT' FOR SHARE;
    END IF;
    IF NOT FOUND THEN
        RETURN 'ABSENT';
    END IF;
    IF relayed AND NOT s.admitted THEN
        RETURN 'NOT_ADMITTED';
    END IF;
    IF s.owner_instance IS NOT NULL THEN
        IF octet_length(frame) <= 7000 THEN
            PERFORM pg_notify('signaling_' || s.owner_instance, 'F' || s.id || frame);
        ELSE
            INSERT INTO relay_spill (session_id, frame) VALUES (s.id, frame) RETURNING id INTO spill;
            PERFORM pg_notify('signaling_' || s.owner_instance, 'S' || s.id || spill);
        END IF;
        RETURN 'NOTIFIED';
    END IF;
    UPDATE participant_session SET last_seq = last_seq + 1 WHERE id = s.id RETURNING last_seq INTO s.last_seq;
    INSERT INTO session_mailbox (session_id, seq, frame) VALUES (s.id, s.last_seq, frame);
    RETURN 'STORED';
END;
$$;
