-- The audit trail: every significant action (publish, retire, comment, rating, agent enrolment,
-- disable, enable, re-key, channel creation), written by the application services in the same
-- transaction as the action itself, so an action and its audit row commit or roll back together.
-- Append-only: the triggers below refuse UPDATE, DELETE and TRUNCATE for every role, the table's
-- owner (the application's database user) included. Archiving is an export; see operations.md.
CREATE TABLE audit_event (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    actor        VARCHAR(200) NOT NULL,
    action       VARCHAR(40)  NOT NULL,
    target       VARCHAR(300) NOT NULL,
    details      JSONB        NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at, id);
CREATE INDEX audit_event_actor_idx ON audit_event (actor, occurred_at);
CREATE INDEX audit_event_action_idx ON audit_event (action, occurred_at);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();

-- The release report reads the tracker's completions per torrent and agent.
CREATE INDEX tracker_event_completed_idx ON tracker_event (info_hash, agent_id)
    WHERE event = 'COMPLETED' AND agent_id IS NOT NULL;
