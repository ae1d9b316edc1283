-- Channels: path-like names under which releases are published and agents subscribe.
CREATE TABLE channel (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        VARCHAR(200) NOT NULL UNIQUE,
    description TEXT         NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT channel_name_format CHECK (name ~ '^[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*$')
);

INSERT INTO channel (name, description) VALUES ('default', 'Releases published without a channel');
