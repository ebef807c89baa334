-- Wake the outbox relay as soon as events commit (NOTIFY is delivered at commit, never for a rolled-back insert),
-- so it need not poll often. One notification per statement is enough: the relay reads everything unpublished.
CREATE FUNCTION outbox_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_event', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER outbox_event_inserted
    AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify();
