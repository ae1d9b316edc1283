#!/usr/bin/env bash
# Benchmark (1): one seeder -> one leecher over loopback, the same file in the same run:
# Everseed agent -> Everseed agent versus aria2c -> aria2c. Prints a table and the ratio.
#
#   bench/agent-transfer.sh [work-folder]     (default /dev/shm/everseed-bench-transfer)
#   SIZE_MIB=1024 RUNS=3 PIECE=1M bench/agent-transfer.sh
#
# Data lives on tmpfs by default so both clients are measured on the network path, not on the
# disk's writeback. Every process is bound to 127.0.0.1, started here and killed by PID on exit;
# DHT, LSD, PEX and UPnP are off.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${1:-/dev/shm/everseed-bench-transfer}"
SIZE_MIB="${SIZE_MIB:-1024}"
RUNS="${RUNS:-3}"
PIECE="${PIECE:-1M}"
AGENT="$ROOT/distribution-agent/bin/everseed-agent"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
  done
  [ -n "${WHITELIST_DIR:-}" ] && rm -rf "$WHITELIST_DIR"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_port() {
  for _ in $(seq 1 300); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "nothing listens on $1" >&2
  return 1
}
now() { date +%s.%N; }

for tool in aria2c opentracker python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y aria2 opentracker python3)" >&2; exit 1; }
done
if [ ! -f "$ROOT/distribution-agent/target/everseed-agent.jar" ]; then
  (cd "$ROOT" && ./mvnw -B -q -pl api,distribution-agent -am package -DskipTests)
fi

mkdir -p "$WORK/seed"
PAYLOAD="$WORK/seed/payload.bin"
if [ ! -f "$PAYLOAD" ] || [ "$(stat -c %s "$PAYLOAD")" -ne $((SIZE_MIB << 20)) ]; then
  echo "writing $SIZE_MIB MiB of random data to $PAYLOAD"
  head -c $((SIZE_MIB << 20)) /dev/urandom > "$PAYLOAD"
fi
EXPECTED=$(sha256sum "$PAYLOAD" | cut -d' ' -f1)

TRACKER_PORT=$(free_port)
TORRENT="$WORK/payload.torrent"
"$AGENT" create -q --force -l "$PIECE" -a "http://127.0.0.1:$TRACKER_PORT/announce" -o "$TORRENT" "$PAYLOAD" > "$WORK/create.log"
HASH=$(cut -d' ' -f1 < "$WORK/create.log")
# opentracker reads its whitelist as user nobody: give it a world-readable folder.
WHITELIST_DIR=$(mktemp -d /tmp/everseed-opentracker-XXXXXX)
chmod 755 "$WHITELIST_DIR"
echo "$HASH" > "$WHITELIST_DIR/whitelist"
chmod 644 "$WHITELIST_DIR/whitelist"
opentracker -i 127.0.0.1 -p "$TRACKER_PORT" -d / -w "$WHITELIST_DIR/whitelist" > "$WORK/opentracker.log" 2>&1 &
PIDS+=($!)
wait_port "$TRACKER_PORT"

ARIA2_QUIET=(--enable-dht=false --enable-dht6=false --bt-enable-lpd=false --enable-peer-exchange=false
  --disable-ipv6=true --interface=127.0.0.1 --file-allocation=none --console-log-level=warn
  --summary-interval=0 --stop=600)

run_everseed() {
  local port out seed_pid start end
  port=$(free_port); out="$WORK/out-everseed"
  rm -rf "$out"
  "$AGENT" seed --bind 127.0.0.1 --port "$port" "$TORRENT" "$PAYLOAD" > "$WORK/everseed-seed.log" 2>&1 &
  seed_pid=$!; PIDS+=("$seed_pid")
  wait_port "$port"
  grep -q "seeding" "$WORK/everseed-seed.log" || sleep 1
  start=$(now)
  "$AGENT" fetch -q --bind 127.0.0.1 --port 0 --dir "$out" --peer "127.0.0.1:$port" "$TORRENT" > "$WORK/everseed-fetch.log" 2>&1
  end=$(now)
  kill "$seed_pid"; wait "$seed_pid" 2>/dev/null || true
  echo "$start $end"
}

run_aria2() {
  local port out seed_pid start end
  port=$(free_port); out="$WORK/out-aria2"
  rm -rf "$out"
  aria2c -V --seed-ratio=0.0 "${ARIA2_QUIET[@]}" --listen-port="$port" -d "$WORK/seed" "$TORRENT" > "$WORK/aria2-seed.log" 2>&1 &
  seed_pid=$!; PIDS+=("$seed_pid")
  wait_port "$port"
  sleep 1
  start=$(now)
  aria2c --seed-time=0 "${ARIA2_QUIET[@]}" --listen-port="$(free_port)" -d "$out" "$TORRENT" > "$WORK/aria2-fetch.log" 2>&1
  end=$(now)
  kill "$seed_pid"; wait "$seed_pid" 2>/dev/null || true
  echo "$start $end"
}

best() { sort -n | head -1; }
declare -a ES AR
for run in $(seq 1 "$RUNS"); do
  read -r s e < <(run_everseed); ES+=("$(echo "$e - $s" | bc -l)")
  read -r s e < <(run_aria2); AR+=("$(echo "$e - $s" | bc -l)")
  printf 'run %d: everseed %.2f s, aria2c %.2f s\n' "$run" "${ES[-1]}" "${AR[-1]}"
done
[ "$(sha256sum "$WORK/out-everseed/payload.bin" | cut -d' ' -f1)" = "$EXPECTED" ] || { echo "Everseed copy differs" >&2; exit 1; }
[ "$(sha256sum "$WORK/out-aria2/payload.bin" | cut -d' ' -f1)" = "$EXPECTED" ] || { echo "aria2c copy differs" >&2; exit 1; }

ES_BEST=$(printf '%s\n' "${ES[@]}" | best)
AR_BEST=$(printf '%s\n' "${AR[@]}" | best)
BYTES=$((SIZE_MIB << 20))
echo
echo "| transfer ($SIZE_MIB MiB, $PIECE pieces, loopback, best of $RUNS) | time | rate |"
echo "|---|---|---|"
printf '| Everseed agent -> Everseed agent | %.2f s | %.0f MB/s |\n' "$ES_BEST" "$(echo "$BYTES / $ES_BEST / 1000000" | bc -l)"
printf '| aria2c -> aria2c | %.2f s | %.0f MB/s |\n' "$AR_BEST" "$(echo "$BYTES / $AR_BEST / 1000000" | bc -l)"
printf '\nratio Everseed/aria2c (rate): %.2f (goal >= 1.0); SHA-256 of both copies matches\n' "$(echo "$AR_BEST / $ES_BEST" | bc -l)"
