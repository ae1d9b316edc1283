-- The tracker's audit trail. Written asynchronously in batches by the tracker (never on the
-- announce path). No foreign keys on purpose: a batch must never be lost because a release or a
-- passkey row changed between the announce and the write; the columns match release.info_hash and
-- passkey.passkey for joins.

-- started / completed / stopped announces, one row each
CREATE TABLE tracker_event (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    passkey      VARCHAR(32)  NOT NULL,
    agent_id     BIGINT,
    username     VARCHAR(200),
    site         VARCHAR(100) NOT NULL,
    info_hash    VARCHAR(40)  NOT NULL CHECK (info_hash ~ '^[0-9a-f]{40}$'),
    event        VARCHAR(10)  NOT NULL CHECK (event IN ('STARTED', 'COMPLETED', 'STOPPED')),
    peer_id      VARCHAR(40)  NOT NULL,
    ip           VARCHAR(45)  NOT NULL,
    port         INTEGER      NOT NULL CHECK (port BETWEEN 1 AND 65535),
    uploaded     BIGINT       NOT NULL CHECK (uploaded >= 0),
    downloaded   BIGINT       NOT NULL CHECK (downloaded >= 0),
    left_bytes   BIGINT       NOT NULL CHECK (left_bytes >= 0)
);
CREATE INDEX tracker_event_info_hash_idx ON tracker_event (info_hash, occurred_at);
CREATE INDEX tracker_event_passkey_idx ON tracker_event (passkey, occurred_at);
CREATE INDEX tracker_event_agent_idx ON tracker_event (agent_id, occurred_at) WHERE agent_id IS NOT NULL;

-- the latest byte counters each passkey reported per torrent (cumulative since the client's start)
CREATE TABLE tracker_transfer (
    passkey           VARCHAR(32)  NOT NULL,
    info_hash         VARCHAR(40)  NOT NULL CHECK (info_hash ~ '^[0-9a-f]{40}$'),
    uploaded          BIGINT       NOT NULL CHECK (uploaded >= 0),
    downloaded        BIGINT       NOT NULL CHECK (downloaded >= 0),
    left_bytes        BIGINT       NOT NULL CHECK (left_bytes >= 0),
    announces         BIGINT       NOT NULL CHECK (announces >= 1),
    first_announce_at TIMESTAMPTZ  NOT NULL,
    last_announce_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (passkey, info_hash)
);
CREATE INDEX tracker_transfer_info_hash_idx ON tracker_transfer (info_hash);
