-- The tracker's swarm figures, snapshotted from memory every few seconds, so that the catalog can
-- sort and page by seeders and completions in one query. Keyed by info-hash, not release id, so the
-- tracker needs no knowledge of releases.
CREATE TABLE swarm_stats (
    info_hash   VARCHAR(40) PRIMARY KEY CHECK (info_hash ~ '^[0-9a-f]{40}$'),
    seeders     INTEGER     NOT NULL DEFAULT 0,
    leechers    INTEGER     NOT NULL DEFAULT 0,
    completed   BIGINT      NOT NULL DEFAULT 0,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
