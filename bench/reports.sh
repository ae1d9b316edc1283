#!/usr/bin/env bash
# Benchmark: the release distribution report through the REST API with 10,000 agents and 1,000
# releases of generated history (2,000,000 agent reports, 100,000 tracker events; see
# bench/generate-reports.sql). Each release targets 1,000 agents. Times GET
# /api/v1/reports/releases/{id} (JSON) for random releases, one request at a time, as the
# auditor. Goal: under 200 ms.
#
#   bench/reports.sh [requests (default 200)]
#
# Runs its own system (launcher with a port offset, its own database everseed_bench_reports on the
# local PostgreSQL at 127.0.0.1:5432) so it never touches another instance's data; everything it
# starts is stopped by PID on exit.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REQUESTS="${1:-200}"
AGENTS="${AGENTS:-10000}"
RELEASES="${RELEASES:-1000}"
OFFSET="${BENCH_PORT_OFFSET:-5200}"
KC_PORT="${BENCH_KEYCLOAK_PORT:-8380}"
DB="everseed_bench_reports"
BASE_URL="http://127.0.0.1:$((8080 + OFFSET))"
KC="http://127.0.0.1:$KC_PORT/realms/everseed"
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)
LAUNCHER_PID=""
WORK="$(mktemp -d /tmp/everseed-bench-reports.XXXXXX)"

cleanup() {
  if [ -n "$LAUNCHER_PID" ]; then
    # TERM, not INT: a background job of a non-interactive shell ignores SIGINT.
    kill -TERM "$LAUNCHER_PID" 2>/dev/null || true
    wait "$LAUNCHER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

[ -f "$ROOT/ear/target/harness-classpath.txt" ] || { echo "build first: ./mvnw -B -DskipTests install"; exit 1; }
"${PSQL[@]}" -tAc "select 1 from pg_roles where rolname = 'everseed'" postgres | grep -q 1 \
  || "${PSQL[@]}" -c "create role everseed login password 'everseed'" postgres
"${PSQL[@]}" -tAc "select 1 from pg_database where datname = '$DB'" postgres | grep -q 1 \
  || "${PSQL[@]}" -c "create database $DB owner everseed" postgres

echo "starting Everseed on $BASE_URL (Keycloak $KC_PORT, database $DB)..."
EVERSEED_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" EVERSEED_DB_USER=everseed EVERSEED_DB_PASSWORD=everseed \
  java -Deverseed.root="$ROOT" -Deverseed.port.offset="$OFFSET" -Deverseed.keycloak.port="$KC_PORT" \
  -cp "$ROOT/ear/target/test-classes:$(cat "$ROOT/ear/target/harness-classpath.txt")" \
  org.everseed.system.Launcher > "$WORK/launcher.log" 2>&1 &
LAUNCHER_PID=$!
for _ in $(seq 1 400); do
  grep -q "Everseed is up" "$WORK/launcher.log" && break
  kill -0 "$LAUNCHER_PID" 2>/dev/null || { cat "$WORK/launcher.log"; exit 1; }
  sleep 1
done
grep -q "Everseed is up" "$WORK/launcher.log" || { echo "Everseed did not come up"; exit 1; }

have=$("${PSQL[@]}" -tAc "select count(*) from release where name like 'bench-report-%'" "$DB")
if [ "$have" -lt "$RELEASES" ]; then
  echo "generating $AGENTS agents, $RELEASES releases and their history..."
  start=$(date +%s)
  "${PSQL[@]}" -v agents="$AGENTS" -v releases="$RELEASES" -f "$ROOT/bench/generate-reports.sql" "$DB"
  echo "generated in $(( $(date +%s) - start )) s"
fi
"${PSQL[@]}" -tAc "select 'history: ' || (select count(*) from agent) || ' agents, '
  || (select count(*) from release) || ' releases, ' || (select count(*) from distribution_report)
  || ' reports, ' || (select count(*) from tracker_event) || ' tracker events'" "$DB"

# The auditor's token by the portal client's code flow with PKCE, as a browser would get it.
auditor_token() {
  local jar="$WORK/cookies" verifier challenge page action location code
  verifier=$(head -c 48 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
  challenge=$(printf %s "$verifier" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=\n')
  page=$(curl -sf -c "$jar" -b "$jar" "$KC/protocol/openid-connect/auth?client_id=everseed-portal&response_type=code&scope=openid&redirect_uri=$BASE_URL/&code_challenge=$challenge&code_challenge_method=S256")
  action=$(printf %s "$page" | grep -o 'action="[^"]*"' | head -1 | sed -e 's/^action="//' -e 's/"$//' -e 's/&amp;/\&/g')
  location=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' \
    --data-urlencode username=auditor --data-urlencode password=auditor-demo "$action")
  code=$(printf %s "$location" | sed -E 's/.*[?&]code=([^&]+).*/\1/')
  curl -sf -d grant_type=authorization_code -d client_id=everseed-portal \
    -d client_secret=everseed-portal-dev-secret -d code="$code" -d code_verifier="$verifier" \
    --data-urlencode redirect_uri="$BASE_URL/" "$KC/protocol/openid-connect/token" \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
TOKEN=$(auditor_token)
mapfile -t IDS < <("${PSQL[@]}" -tAc "select id from release where name like 'bench-report-%' order by random() limit $REQUESTS" "$DB")

one() {
  curl -s -o "$WORK/body" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $TOKEN" \
    "$BASE_URL/api/v1/reports/releases/$1"
}
echo "warming up (20 requests)..."
for id in "${IDS[@]:0:20}"; do one "$id" > /dev/null; done
first=$(one "${IDS[0]}")
[ "${first%% *}" = 200 ] || { echo "report answered ${first%% *}: $(head -c 300 "$WORK/body")"; exit 1; }
echo "sample: $(head -c 300 "$WORK/body")..."
echo "measuring $REQUESTS reports of random releases, one at a time..."
for id in "${IDS[@]}"; do one "$id"; done > "$WORK/times"
awk '$1 != 200 { bad++ } { print $2 * 1000 }
  END { if (bad) { print "non-200 answers: " bad > "/dev/stderr"; exit 1 } }' "$WORK/times" | sort -n > "$WORK/ms"
awk '{ v[NR] = $1; s += $1 } END {
  printf "release report (1,000 targeted agents, %d agents, %d releases): mean %.1f ms, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms over %d requests (goal < 200 ms)\n",
    '"$AGENTS"', '"$RELEASES"', s / NR, v[int(NR * 0.50) + 1], v[int(NR * 0.95) + 1], v[int(NR * 0.99) + 1], v[NR], NR }' "$WORK/ms"
