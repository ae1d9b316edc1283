-- Channel permissions: which publishers (Keycloak realm roles) may publish into a channel and the
-- channels below it. A channel without rows here is open to every publisher, as all channels were
-- before this migration, so existing channels, the demo and scripts keep working until an admin
-- restricts a channel by granting it to a first role. Admins may always publish.
CREATE TABLE channel_publisher (
    channel_id BIGINT       NOT NULL REFERENCES channel (id) ON DELETE CASCADE,
    role       VARCHAR(100) NOT NULL,
    granted_by VARCHAR(255) NOT NULL,
    granted_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (channel_id, role),
    CONSTRAINT channel_publisher_role_format CHECK (role ~ '^[A-Za-z0-9][A-Za-z0-9._:-]*$')
);
