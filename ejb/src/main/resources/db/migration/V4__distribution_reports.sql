-- What agents report about each release they were given: started, progress, completed or failed,
-- with where the bytes came from (peers or the server's web seed), how long it took and the
-- post-install hook's exit status. Append-only history; the latest row per agent and release is
-- its current state.
CREATE TABLE distribution_report (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agent_id             BIGINT        NOT NULL REFERENCES agent (id),
    release_id           BIGINT        NOT NULL REFERENCES release (id),
    state                VARCHAR(10)   NOT NULL
        CHECK (state IN ('STARTED', 'PROGRESS', 'COMPLETED', 'FAILED')),
    bytes_from_peers     BIGINT        NOT NULL CHECK (bytes_from_peers >= 0),
    bytes_from_web_seed  BIGINT        NOT NULL CHECK (bytes_from_web_seed >= 0),
    duration_ms          BIGINT        NOT NULL CHECK (duration_ms >= 0),
    hook_exit_code       INTEGER,
    message              VARCHAR(2000) NOT NULL DEFAULT '',
    reported_at          TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX distribution_report_release_idx ON distribution_report (release_id, agent_id, reported_at DESC);
CREATE INDEX distribution_report_agent_idx ON distribution_report (agent_id, reported_at DESC);
