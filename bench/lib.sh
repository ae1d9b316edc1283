# Shared helpers for the benchmark scripts: start the system with the launcher (bounded in time,
# stopped on exit), get tokens from its Keycloak.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BASE_URL="http://127.0.0.1:8080"
TOKEN_URL="http://127.0.0.1:8280/realms/everseed/protocol/openid-connect/token"
LAUNCHER_PID=""

start_system() {
  if curl -sf "$BASE_URL/api/v1/health" >/dev/null 2>&1; then
    echo "using the Everseed already running on $BASE_URL"
    return
  fi
  echo "starting Everseed (./everseed start)..."
  (cd "$ROOT" && ./everseed start >"$ROOT/run/bench-launcher.log" 2>&1) &
  LAUNCHER_PID=$! # the calling script's EXIT trap runs stop_system
  for _ in $(seq 1 300); do
    grep -q "Everseed is up" "$ROOT/run/bench-launcher.log" 2>/dev/null && return
    kill -0 "$LAUNCHER_PID" 2>/dev/null || { cat "$ROOT/run/bench-launcher.log"; exit 1; }
    sleep 1
  done
  echo "Everseed did not come up within 300 s" >&2
  exit 1
}

stop_system() {
  if [ -n "$LAUNCHER_PID" ]; then
    (cd "$ROOT" && ./everseed stop >/dev/null 2>&1) || true
    wait "$LAUNCHER_PID" 2>/dev/null || true
  fi
}

ci_token() {
  curl -sf -d grant_type=client_credentials -d client_id=ci-pipeline \
    -d client_secret=ci-pipeline-dev-secret "$TOKEN_URL" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
