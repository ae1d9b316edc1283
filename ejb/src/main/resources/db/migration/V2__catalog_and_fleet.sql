-- The release catalog, its discussion, the fleet of agents and the passkeys that open the tracker
-- and the web seed to them. Info-hashes are stored as 40 lower-case hex characters.

CREATE TABLE release (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel_id     BIGINT        NOT NULL REFERENCES channel (id),
    name           VARCHAR(200)  NOT NULL,
    version        VARCHAR(100)  NOT NULL,
    kind           VARCHAR(20)   NOT NULL
        CHECK (kind IN ('PATCH', 'APPLICATION', 'DATASET', 'IMAGE', 'DOCUMENT', 'OTHER')),
    description    TEXT          NOT NULL DEFAULT '',
    tags           VARCHAR(1000) NOT NULL DEFAULT '',
    info_hash      VARCHAR(40)   NOT NULL UNIQUE CHECK (info_hash ~ '^[0-9a-f]{40}$'),
    piece_length   INTEGER       NOT NULL CHECK (piece_length >= 16384),
    total_size     BIGINT        NOT NULL CHECK (total_size >= 0),
    torrent        BYTEA         NOT NULL,
    payload_path   VARCHAR(500)  NOT NULL,
    publisher      VARCHAR(200)  NOT NULL,
    created_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    status         VARCHAR(10)   NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'RETIRED')),
    retired_at     TIMESTAMPTZ,
    retired_by     VARCHAR(200),
    retire_reason  VARCHAR(500),
    search         TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', coalesce(name, '')), 'A') ||
        setweight(to_tsvector('simple', coalesce(version, '')), 'A') ||
        setweight(to_tsvector('simple', replace(coalesce(tags, ''), ',', ' ')), 'B') ||
        setweight(to_tsvector('english', coalesce(description, '')), 'C')) STORED,
    UNIQUE (channel_id, name, version)
);
CREATE INDEX release_search_idx ON release USING GIN (search);
CREATE INDEX release_channel_created_idx ON release (channel_id, created_at DESC);
CREATE INDEX release_created_idx ON release (created_at DESC);

CREATE TABLE release_file (
    release_id  BIGINT        NOT NULL REFERENCES release (id) ON DELETE CASCADE,
    position    INTEGER       NOT NULL,
    path        VARCHAR(4096) NOT NULL,
    length      BIGINT        NOT NULL CHECK (length >= 0),
    PRIMARY KEY (release_id, position)
);

CREATE TABLE release_comment (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    release_id  BIGINT       NOT NULL REFERENCES release (id) ON DELETE CASCADE,
    author      VARCHAR(200) NOT NULL,
    body        TEXT         NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX release_comment_release_idx ON release_comment (release_id, created_at);

CREATE TABLE release_rating (
    release_id  BIGINT       NOT NULL REFERENCES release (id) ON DELETE CASCADE,
    rater       VARCHAR(200) NOT NULL,
    stars       SMALLINT     NOT NULL CHECK (stars BETWEEN 1 AND 5),
    rated_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (release_id, rater)
);

-- Agents: distribution agents enrolled by a Keycloak client (client credentials).
CREATE TABLE agent (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name           VARCHAR(200) NOT NULL UNIQUE,
    site           VARCHAR(100) NOT NULL,
    version        VARCHAR(50)  NOT NULL DEFAULT '',
    channels       VARCHAR(2000) NOT NULL DEFAULT '',
    enrolled_by    VARCHAR(200) NOT NULL,
    status         VARCHAR(10)  NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DISABLED')),
    enrolled_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_seen_at   TIMESTAMPTZ
);

-- Passkeys open /announce, /scrape and /seed. One holder each: an agent or a portal user.
-- Revoked passkeys stay for the audit trail; only one live passkey per holder.
CREATE TABLE passkey (
    passkey     VARCHAR(32)  PRIMARY KEY CHECK (passkey ~ '^[0-9a-f]{32}$'),
    agent_id    BIGINT       REFERENCES agent (id),
    username    VARCHAR(200),
    site        VARCHAR(100) NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    revoked_at  TIMESTAMPTZ,
    CHECK ((agent_id IS NULL) <> (username IS NULL))
);
CREATE UNIQUE INDEX passkey_live_agent_idx ON passkey (agent_id) WHERE revoked_at IS NULL AND agent_id IS NOT NULL;
CREATE UNIQUE INDEX passkey_live_user_idx ON passkey (username) WHERE revoked_at IS NULL AND username IS NOT NULL;
