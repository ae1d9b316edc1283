#!/usr/bin/env bash
# Side-by-side announce benchmark: opentracker vs Everseed's tracker, one after the other in one run,
# same 1,000 registered info-hashes, same wrk Lua script and pre-built requests (random peers,
# compact, numwant=50), each tracker pinned to core 0 with taskset (the whole WildFly process), wrk
# pinned to core 1. Everseed's JIT is warmed up first. Then fills Everseed's registry with 100,000
# peers in 10,000 swarms and reports the heap.
#
# usage: bench/tracker.sh [seconds per measurement, default 20]
# needs: a built server (./mvnw -B -q -DskipTests install), opentracker, wrk, taskset, jcmd, psql,
#        python3, PostgreSQL on 127.0.0.1:5432 (trust, as the tests use)
# env:   WARMUP_SECONDS (default 20), CONNECTIONS (default 64), ROUNDS (default 3: measurements per
#        tracker, the best one counts, since other processes on a shared machine only slow things
#        down), EVERSEED_JAVA_OPTS (extra JVM flags)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION="${1:-20}"
WARMUP="${WARMUP_SECONDS:-20}"
CONNECTIONS="${CONNECTIONS:-64}"
ROUNDS="${ROUNDS:-3}"
WILDFLY_HOME="$ROOT/system/target/wildfly"
WORK="$ROOT/bench/target/tracker"
OT_PORT=16969
EV_OFFSET=3000                      # WildFly on 11080 / 12990
EV_URL="http://127.0.0.1:$((8080 + EV_OFFSET))"
DB=everseed_bench
PASSKEY=0123456789abcdef0123456789abcdef
LUA="$ROOT/bench/tracker-announce.lua"
GEN="$ROOT/bench/tracker-requests.py"

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 2; }

for tool in opentracker wrk taskset jcmd psql python3 curl; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done
[ -x "$WILDFLY_HOME/bin/standalone.sh" ] || die "no provisioned server: ./mvnw -B -q -DskipTests install"
[ "$(nproc)" -ge 2 ] || die "needs 2 cores (tracker on core 0, wrk on core 1)"

STARTED=()
cleanup() {
  for pid in "${STARTED[@]}"; do
    # the WildFly launcher script and its JVM child
    for child in $(pgrep -P "$pid" 2>/dev/null); do kill "$child" 2>/dev/null || true; done
    kill "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT

wait_port() {
  for _ in $(seq 1 600); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  die "nothing listens on port $1"
}

# wrk pinned to core 1; prints its output and stores it in $2
run_wrk() {
  local url="$1" out="$2" seconds="$3" paths="$4"
  taskset -c 1 wrk -t1 -c"$CONNECTIONS" -d"${seconds}s" --latency -s "$LUA" "$url" -- "$paths" > "$out" 2>&1 || true
  # Other processes on the machine skew the figures: keep the load next to them.
  echo "load average after run: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out"
}

# measures ROUNDS times into $2.<n>, copies the run with the most requests/s to $2
measure_best() {
  local url="$1" out="$2" paths="$3" best=0 n rps
  for n in $(seq 1 "$ROUNDS"); do
    run_wrk "$url" "$out.$n" "$DURATION" "$paths"
    rps=$(awk '/^Requests\/sec:/ {print int($2)}' "$out.$n")
    if [ "${rps:-0}" -gt "$best" ]; then best=$rps; cp "$out.$n" "$out"; fi
  done
  [ -f "$out" ] || cp "$out.1" "$out"
}

field() { # requests/s, p50, p99 from a wrk report
  local rps p50 p99
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$1")
  p50=$(awk '$1 == "50%" {print $2}' "$1")
  p99=$(awk '$1 == "99%" {print $2}' "$1")
  echo "$rps $p50 $p99"
}

rm -rf "$WORK" && mkdir -p "$WORK"
say "Generating 1,000 info-hashes for the load, 10,000 for the heap measurement, and the requests"
python3 -c "import secrets; [print(secrets.token_hex(20)) for _ in range(1000)]" > "$WORK/hashes.txt"
python3 -c "import secrets; [print(secrets.token_hex(20)) for _ in range(10000)]" > "$WORK/heap-hashes.txt"
python3 "$GEN" "$WORK/hashes.txt" /announce 20000 1 > "$WORK/opentracker-paths.txt"
python3 "$GEN" "$WORK/hashes.txt" "/announce/$PASSKEY" 20000 1 > "$WORK/everseed-paths.txt"
python3 "$GEN" "$WORK/heap-hashes.txt" "/announce/$PASSKEY" 0 2 10 > "$WORK/heap-paths.txt"

# ---- opentracker ---------------------------------------------------------------------------
say "opentracker on core 0, port $OT_PORT (whitelist of the 1,000 hashes)"
taskset -c 0 opentracker -i 127.0.0.1 -p "$OT_PORT" -w "$WORK/hashes.txt" -d / > "$WORK/opentracker.log" 2>&1 &
STARTED+=($!)
OT_PID=$!
wait_port "$OT_PORT"
curl -s "http://127.0.0.1:$OT_PORT$(head -1 "$WORK/opentracker-paths.txt")" | grep -q peers \
  || die "opentracker does not answer announces"
run_wrk "http://127.0.0.1:$OT_PORT" "$WORK/opentracker-warmup.txt" 5 "$WORK/opentracker-paths.txt"
say "measuring opentracker: best of $ROUNDS x ${DURATION}s"
measure_best "http://127.0.0.1:$OT_PORT" "$WORK/opentracker.txt" "$WORK/opentracker-paths.txt"
kill "$OT_PID"; wait "$OT_PID" 2>/dev/null || true
STARTED=()

# ---- Everseed -------------------------------------------------------------------------------
say "PostgreSQL: fresh database $DB"
psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $DB" -c "create database $DB owner everseed" >/dev/null
BASE="$WORK/wildfly-base"
mkdir -p "$BASE/deployments" "$BASE/log"
cp -r "$WILDFLY_HOME/standalone/configuration" "$BASE/"
cp "$WILDFLY_HOME/standalone/deployments/everseed.ear" "$BASE/deployments/"
# The load plays thousands of clients with one passkey (opentracker has none): lift the per-passkey
# limits, which are still counted on every announce.
say "Everseed (WildFly, whole process) on core 0, $EV_URL"
EVERSEED_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" EVERSEED_DB_USER=everseed EVERSEED_DB_PASSWORD=everseed \
EVERSEED_TRACKER_REFRESH_SECONDS=1 LAUNCH_JBOSS_IN_BACKGROUND=true \
EVERSEED_TRACKER_MAX_PEERS_PER_PASSKEY=2000000 EVERSEED_TRACKER_MAX_PEERS_PER_PASSKEY_PER_SWARM=2000000 \
JAVA_OPTS="-Xms1g -Xmx2g -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=512m -Djava.net.preferIPv4Stack=true ${EVERSEED_JAVA_OPTS:-}" \
  taskset -c 0 "$WILDFLY_HOME/bin/standalone.sh" -b 127.0.0.1 -bmanagement 127.0.0.1 \
  -Djboss.server.base.dir="$BASE" -Djboss.socket.binding.port-offset=$EV_OFFSET > "$WORK/wildfly.log" 2>&1 &
STARTED+=($!)
WF_SCRIPT=$!
for _ in $(seq 1 240); do
  curl -sf "$EV_URL/api/v1/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -sf "$EV_URL/api/v1/health" >/dev/null || die "Everseed did not start; see $WORK/wildfly.log"
WF_PID=$(pgrep -P "$WF_SCRIPT" java | head -1)

say "registering 11,000 releases and one agent passkey"
{
  echo "insert into agent (name, site, enrolled_by) values ('bench-agent', 'bench', 'bench');"
  echo "insert into passkey (passkey, agent_id, site) select '$PASSKEY', id, 'bench' from agent where name = 'bench-agent';"
  echo "copy release (channel_id, name, version, kind, info_hash, piece_length, total_size, torrent, payload_path, publisher) from stdin;"
  cat "$WORK/hashes.txt" "$WORK/heap-hashes.txt" | awk '{printf "1\tbench-%s\t1\tOTHER\t%s\t262144\t0\t\\\\x6465\t/dev/null\tbench\n", $1, $1}'
  echo '\.'
} | psql -q -h 127.0.0.1 -U everseed "$DB" >/dev/null
for _ in $(seq 1 100); do
  curl -s "$EV_URL$(head -1 "$WORK/everseed-paths.txt")" | grep -q '5:peers' && break
  sleep 0.2
done
curl -s "$EV_URL$(head -1 "$WORK/everseed-paths.txt")" | grep -q '5:peers' || die "Everseed refuses the announces"

say "warming up Everseed's JIT for ${WARMUP}s"
run_wrk "$EV_URL" "$WORK/everseed-warmup.txt" "$WARMUP" "$WORK/everseed-paths.txt"
say "measuring Everseed: best of $ROUNDS x ${DURATION}s"
measure_best "$EV_URL" "$WORK/everseed.txt" "$WORK/everseed-paths.txt"

say "heap: filling the registry with 100,000 peers in 10,000 swarms"
heap_used() { # MiB used in the Java heap (all generations, not metaspace) after a full GC
  jcmd "$WF_PID" GC.run >/dev/null
  jcmd "$WF_PID" GC.heap_info | awk '/total/ && /used/ && !/Metaspace|class space/ {
      for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i+1); gsub(/K,?/, "", v); sum += v}}
    END {print int(sum / 1024)}'
}
HEAP_BEFORE=$(heap_used)
run_wrk "$EV_URL" "$WORK/everseed-fill.txt" 10 "$WORK/heap-paths.txt"
HEAP_AFTER=$(heap_used)
PEERS=$(jcmd "$WF_PID" GC.class_histogram | awk '$4 == "org.everseed.domain.model.tracking.Peer" {print $2}')

read -r OT_RPS OT_P50 OT_P99 <<< "$(field "$WORK/opentracker.txt")"
read -r EV_RPS EV_P50 EV_P99 <<< "$(field "$WORK/everseed.txt")"
RATIO=$(awk -v a="$EV_RPS" -v b="$OT_RPS" 'BEGIN {printf "%.2f", a / b}')
echo
printf '%-12s %12s %10s %10s\n' tracker 'announces/s' p50 p99
printf '%-12s %12s %10s %10s\n' opentracker "$OT_RPS" "$OT_P50" "$OT_P99"
printf '%-12s %12s %10s %10s\n' everseed "$EV_RPS" "$EV_P50" "$EV_P99"
echo "ratio everseed/opentracker: $RATIO   (best of $ROUNDS x ${DURATION}s each, $CONNECTIONS connections, numwant=50, 1,000 torrents)"
echo "everseed heap after full GC: ${HEAP_BEFORE} MiB before filling, ${HEAP_AFTER} MiB with ${PEERS:-?} peers in 10,000 more swarms (+$((HEAP_AFTER - HEAP_BEFORE)) MiB)"
echo "load average after each run: opentracker $(awk '/^load average/ {print $5}' "$WORK/opentracker.txt"), everseed $(awk '/^load average/ {print $5}' "$WORK/everseed.txt") (2 cores; above ~2 other processes compete)"
echo "wrk reports: $WORK/{opentracker,everseed}.txt"
