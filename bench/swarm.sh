#!/usr/bin/env bash
# Benchmark (2): a swarm fed by the server's web seed. The web seed's egress is capped at U_s;
# N clients, each capped at U up and D down, start empty at the same moment and fetch one file
# of F bytes, finding each other through a tracker. Measured: the time until the last client
# completes and the web seed's egress, against the fluid lower bound
#   T_min = max(F/U_s, F/D, N*F/(U_s + N*U))
# for Everseed agents and for aria2c clients, in the same run.
#
#   bench/swarm.sh [work-folder]     (default /dev/shm/everseed-bench-swarm)
#   SIZE_MIB=256 N=8 US_MIB=20 U_MIB=10 D_MIB=40 bench/swarm.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${1:-/dev/shm/everseed-bench-swarm}"
SIZE_MIB="${SIZE_MIB:-256}"
N="${N:-8}"
US_MIB="${US_MIB:-20}"
U_MIB="${U_MIB:-10}"
D_MIB="${D_MIB:-40}"
PIECE="${PIECE:-1M}"
AGENT="$ROOT/distribution-agent/bin/everseed-agent"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && wait "$pid" 2>/dev/null || true; done
  [ -n "${WHITELIST_DIR:-}" ] && rm -rf "$WHITELIST_DIR"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_port() {
  for _ in $(seq 1 300); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done
  echo "nothing listens on $1" >&2; return 1
}
now() { date +%s.%N; }

if [ ! -f "$ROOT/distribution-agent/target/everseed-agent.jar" ]; then
  (cd "$ROOT" && ./mvnw -B -q -pl api,distribution-agent -am package -DskipTests)
fi
mkdir -p "$WORK/origin"
PAYLOAD="$WORK/origin/payload.bin"
F=$((SIZE_MIB << 20))
if [ ! -f "$PAYLOAD" ] || [ "$(stat -c %s "$PAYLOAD")" -ne "$F" ]; then
  head -c "$F" /dev/urandom > "$PAYLOAD"
fi
EXPECTED=$(sha256sum "$PAYLOAD" | cut -d' ' -f1)

TRACKER_PORT=$(free_port)
SEED_PORT=$(free_port)
TORRENT="$WORK/payload.torrent"
"$AGENT" create -q --force -l "$PIECE" -a "http://127.0.0.1:$TRACKER_PORT/announce" \
  -w "http://127.0.0.1:$SEED_PORT/seed/payload.bin" -o "$TORRENT" "$PAYLOAD" > "$WORK/create.log"
HASH=$(cut -d' ' -f1 < "$WORK/create.log")
WHITELIST_DIR=$(mktemp -d /tmp/everseed-opentracker-XXXXXX)
chmod 755 "$WHITELIST_DIR"; echo "$HASH" > "$WHITELIST_DIR/whitelist"; chmod 644 "$WHITELIST_DIR/whitelist"
opentracker -i 127.0.0.1 -p "$TRACKER_PORT" -d / -w "$WHITELIST_DIR/whitelist" > "$WORK/opentracker.log" 2>&1 &
PIDS+=($!)
wait_port "$TRACKER_PORT"

start_webseed() {
  java "$ROOT/bench/webseed/RangeSeed.java" "$WORK/origin" "$SEED_PORT" $((US_MIB << 20)) > "$WORK/webseed-$1.log" 2>&1 &
  WEBSEED_PID=$!; PIDS+=("$WEBSEED_PID")
  wait_port "$SEED_PORT"
}
stop_webseed() { kill "$WEBSEED_PID"; wait "$WEBSEED_PID" 2>/dev/null || true; }
egress() { curl -sf "http://127.0.0.1:$SEED_PORT/stats"; }

# Waits until every client's completion marker exists; prints the time of the last one.
await_all() {
  local pattern=$1 deadline=$(( $(date +%s) + 900 ))
  while [ "$(ls $pattern 2>/dev/null | wc -l)" -lt "$N" ]; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "swarm did not complete within 900 s" >&2; exit 1; }
    sleep 0.1
  done
  cat $pattern | sort -n | tail -1
}

run_everseed() {
  rm -rf "$WORK/es"; mkdir -p "$WORK/es"
  start_webseed everseed
  local start pids=()
  start=$(now)
  for i in $(seq 1 "$N"); do
    ( "$AGENT" fetch -q --bind 127.0.0.1 --port "$(free_port)" --dir "$WORK/es/$i" \
        --upload-limit "${U_MIB}M" --download-limit "${D_MIB}M" --seed-after 15m "$TORRENT" \
        > "$WORK/es/$i.log" 2>&1 & echo $! > "$WORK/es/$i.pid"
      ) 
  done
  for i in $(seq 1 "$N"); do PIDS+=("$(cat "$WORK/es/$i.pid")"); done
  # A client is complete when its summary line appears (it then keeps seeding).
  ( while true; do
      for i in $(seq 1 "$N"); do
        [ -f "$WORK/es/done-$i" ] || ! grep -q "from web seeds" "$WORK/es/$i.log" 2>/dev/null || now > "$WORK/es/done-$i"
      done
      [ "$(ls "$WORK"/es/done-* 2>/dev/null | wc -l)" -ge "$N" ] && break
      sleep 0.1
    done ) &
  local last; last=$(await_all "$WORK/es/done-*")
  ES_TIME=$(echo "$last - $start" | bc -l); ES_EGRESS=$(egress)
  # What the agents measured themselves, from session start (after JVM start) to completion.
  ES_SESSION=$(for i in $(seq 1 "$N"); do tr '\r' '\n' < "$WORK/es/$i.log" | sed -nE 's/.* bytes in ([0-9.]+) s .*/\1/p'; done | sort -n | tail -1)
  for i in $(seq 1 "$N"); do
    [ "$(sha256sum "$WORK/es/$i/payload.bin" | cut -d' ' -f1)" = "$EXPECTED" ] || { echo "agent $i copy differs" >&2; exit 1; }
    kill "$(cat "$WORK/es/$i.pid")" 2>/dev/null || true
  done
  stop_webseed
}

run_aria2() {
  rm -rf "$WORK/a2"; mkdir -p "$WORK/a2"
  start_webseed aria2
  printf '#!/bin/sh\ndate +%%s.%%N > "%s/a2/done-$1"\n' "$WORK" > "$WORK/a2-done.sh"; chmod +x "$WORK/a2-done.sh"
  local start; start=$(now)
  for i in $(seq 1 "$N"); do
    aria2c --enable-dht=false --enable-dht6=false --bt-enable-lpd=false --enable-peer-exchange=false \
      --disable-ipv6=true --interface=127.0.0.1 --file-allocation=none --console-log-level=warn \
      --summary-interval=0 --seed-ratio=0.0 --stop=900 --listen-port="$(free_port)" \
      --max-overall-upload-limit="${U_MIB}M" --max-overall-download-limit="${D_MIB}M" \
      --on-bt-download-complete="$WORK/a2-done.sh" -d "$WORK/a2/$i" "$TORRENT" > "$WORK/a2/$i.log" 2>&1 &
    PIDS+=($!); echo $! > "$WORK/a2/$i.pid"
  done
  local last; last=$(await_all "$WORK/a2/done-*")
  A2_TIME=$(echo "$last - $start" | bc -l); A2_EGRESS=$(egress)
  for i in $(seq 1 "$N"); do
    [ "$(sha256sum "$WORK/a2/$i/payload.bin" | cut -d' ' -f1)" = "$EXPECTED" ] || { echo "aria2c $i copy differs" >&2; exit 1; }
    kill "$(cat "$WORK/a2/$i.pid")" 2>/dev/null || true
  done
  stop_webseed
}

run_everseed
run_aria2
T_MIN=$(python3 -c "F=$F; us=$US_MIB*2**20; u=$U_MIB*2**20; d=$D_MIB*2**20; n=$N; print(max(F/us, F/d, n*F/(us+n*u)))")
echo
echo "| swarm: F=$SIZE_MIB MiB, N=$N, U_s=$US_MIB MiB/s, U=$U_MIB MiB/s, D=$D_MIB MiB/s | last completion | / T_min | web seed egress (copies) |"
echo "|---|---|---|---|"
printf '| fluid lower bound T_min | %.1f s | 1.00 | - |\n' "$T_MIN"
printf '| Everseed agents | %.1f s | %.2f | %.2f |\n' "$ES_TIME" "$(echo "$ES_TIME / $T_MIN" | bc -l)" "$(echo "$ES_EGRESS / $F" | bc -l)"
printf '| Everseed agents, slowest session (JVM start excluded) | %.1f s | %.2f | - |\n' "$ES_SESSION" "$(echo "$ES_SESSION / $T_MIN" | bc -l)"
printf '| aria2c clients | %.1f s | %.2f | %.2f |\n' "$A2_TIME" "$(echo "$A2_TIME / $T_MIN" | bc -l)" "$(echo "$A2_EGRESS / $F" | bc -l)"
