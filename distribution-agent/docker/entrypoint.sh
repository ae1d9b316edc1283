#!/bin/sh
# Entry point of the agent image: writes agent.properties (docs/agent.md) from environment
# variables, then runs the daemon in the foreground so the container stops it with SIGTERM.
set -eu
require() {
  eval "value=\${$1:-}"
  if [ -z "$value" ]; then
    echo "everseed-agent: set $1" >&2
    exit 64
  fi
}
require EVERSEED_SERVER_URL
require EVERSEED_TOKEN_URL
require EVERSEED_AGENT_CLIENT_SECRET
require EVERSEED_AGENT_CHANNELS
config=${EVERSEED_AGENT_CONFIG:-/etc/everseed/agent.properties}
data=${EVERSEED_AGENT_DATA:-/var/lib/everseed}
cat >"$config" <<PROPERTIES
server.url=$EVERSEED_SERVER_URL
keycloak.token-url=$EVERSEED_TOKEN_URL
client.id=${EVERSEED_AGENT_CLIENT_ID:-everseed-agent}
client.secret=$EVERSEED_AGENT_CLIENT_SECRET
agent.name=${EVERSEED_AGENT_NAME:-$(hostname)}
agent.site=${EVERSEED_AGENT_SITE:-default}
channels=$EVERSEED_AGENT_CHANNELS
download.dir=$data/downloads
target.dir=$data/releases
listen.host=0.0.0.0
listen.port=${EVERSEED_AGENT_PORT:-6881}
rate.upload=${EVERSEED_AGENT_RATE_UPLOAD:-0}
rate.download=${EVERSEED_AGENT_RATE_DOWNLOAD:-0}
poll.interval=${EVERSEED_AGENT_POLL_INTERVAL:-30s}
keep.versions=${EVERSEED_AGENT_KEEP_VERSIONS:-3}
retention=${EVERSEED_AGENT_RETENTION:-7d}
server.trust=${EVERSEED_SERVER_TRUST:-}
insecure=${EVERSEED_AGENT_INSECURE:-false}
PROPERTIES
mkdir -p "$data/downloads" "$data/releases"
exec /opt/everseed/bin/everseed-agent run --config "$config"
