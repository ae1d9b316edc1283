#!/usr/bin/env bash
# CPU cost of one agent -> agent transfer over loopback, for two builds of the agent alternated:
# wall time and CPU seconds (user + system) of the fetching and of the seeding process. CPU seconds
# depend far less on the machine's load than wall time, so two builds can be compared on a busy
# machine.
#
#   bench/agent-cpu.sh <agent jar A> <agent jar B> [rounds]     (default 3 rounds)
#   SIZE_MIB=1024 PIECE=1M bench/agent-cpu.sh main/everseed-agent.jar target/everseed-agent.jar
#
# Each jar needs its lib/ folder next to it. Data on tmpfs (/dev/shm/everseed-bench-cpu); every
# process bound to 127.0.0.1 and stopped by PID.
set -euo pipefail
[ $# -ge 2 ] || { sed -n 2,10p "$0"; exit 2; }
JARS=("$1" "$2")
ROUNDS="${3:-3}"
SIZE_MIB="${SIZE_MIB:-1024}"
PIECE="${PIECE:-1M}"
WORK=/dev/shm/everseed-bench-cpu
TICKS=$(getconf CLK_TCK)
SEED_PID=""
cleanup() { [ -n "$SEED_PID" ] && kill "$SEED_PID" 2>/dev/null || true; rm -rf "$WORK/out"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_port() {
  for _ in $(seq 1 300); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done
  echo "nothing listens on $1" >&2; return 1
}
cpu_seconds() { awk -v t="$TICKS" '{printf "%.2f", ($14 + $15) / t}' "/proc/$1/stat"; }

mkdir -p "$WORK/seed"
PAYLOAD="$WORK/seed/payload.bin"
if [ ! -f "$PAYLOAD" ] || [ "$(stat -c %s "$PAYLOAD")" -ne $((SIZE_MIB << 20)) ]; then
  head -c $((SIZE_MIB << 20)) /dev/urandom > "$PAYLOAD"
fi
TORRENT="$WORK/payload.torrent"
java -jar "${JARS[0]}" create -q --force -l "$PIECE" -o "$TORRENT" "$PAYLOAD" > /dev/null

echo "| round | jar | wall | fetching process CPU | seeding process CPU | load average |"
echo "|---|---|---|---|---|---|"
for round in $(seq 1 "$ROUNDS"); do
  for jar in "${JARS[@]}"; do
    port=$(free_port)
    rm -rf "$WORK/out"
    java -jar "$jar" seed --bind 127.0.0.1 --port "$port" "$TORRENT" "$PAYLOAD" > "$WORK/seed.log" 2>&1 &
    SEED_PID=$!
    wait_port "$port"
    sleep 1
    seed_start=$(cpu_seconds "$SEED_PID")
    TIMEFORMAT="%R %U %S"
    times=$( { time java -jar "$jar" fetch -q --bind 127.0.0.1 --port 0 --dir "$WORK/out" \
      --peer "127.0.0.1:$port" "$TORRENT" > "$WORK/fetch.log" 2>&1; } 2>&1 )
    seed_end=$(cpu_seconds "$SEED_PID")
    kill "$SEED_PID"; wait "$SEED_PID" 2>/dev/null || true; SEED_PID=""
    cmp -s "$PAYLOAD" "$WORK/out/payload.bin" || { echo "the copy differs ($jar)" >&2; exit 1; }
    read -r real user sys <<< "$times"
    printf '| %d | %s | %.1f s | %.2f s | %.2f s | %s |\n' "$round" "$jar" "$real" \
      "$(echo "$user + $sys" | bc)" "$(echo "$seed_end - $seed_start" | bc)" "$(cut -d' ' -f1 /proc/loadavg)"
  done
done
