#!/usr/bin/env bash
# Benchmark (issue 13): one Everseed agent -> one Everseed agent over loopback, the same file in the
# same run, over TLS 1.3 between fleet agents (--identity: what a private channel does) versus
# plaintext BitTorrent (what a channel open to standard clients does). Then the cost of one TLS
# handshake (mutual, fleet certificates), by bench/TlsHandshakes.java. Prints tables and the ratio.
#
#   bench/tls.sh [work-folder]     (default /dev/shm/everseed-bench-tls)
#   SIZE_MIB=1024 RUNS=3 PIECE=1M HANDSHAKES=300 bench/tls.sh
#
# The fleet CA and the two agents' keys and certificates (EC P-256) are made here with openssl
# into the work folder, in the layout of <state dir>/identity/ (agent-key.pem, agent-cert.pem,
# fleet-ca.pem). Data lives on tmpfs by default. Every process is bound to 127.0.0.1, started here
# and killed by PID on exit. Run it under flock /tmp/everseed-default-ports.lock when the machine
# is idle.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${1:-/dev/shm/everseed-bench-tls}"
SIZE_MIB="${SIZE_MIB:-1024}"
RUNS="${RUNS:-3}"
PIECE="${PIECE:-1M}"
HANDSHAKES="${HANDSHAKES:-300}"
AGENT="$ROOT/distribution-agent/bin/everseed-agent"
# EVERSEED_AGENT_JAR measures another build (its lib/ folder next to it), as bin/everseed-agent does
export EVERSEED_AGENT_JAR="${EVERSEED_AGENT_JAR:-$ROOT/distribution-agent/target/everseed-agent.jar}"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
  done
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

for tool in openssl python3 bc; do
  command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
done
if [ ! -f "$EVERSEED_AGENT_JAR" ]; then
  (cd "$ROOT" && ./mvnw -B -q -pl api,distribution-agent -am package -DskipTests)
fi

# A fleet CA and two agent identities, as the server's fleet CA would issue them.
make_fleet() {
  local ca="$WORK/ca"
  mkdir -p "$ca"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
    -subj "/CN=Everseed bench fleet CA" -keyout "$ca/ca-key.pem" -out "$ca/fleet-ca.pem" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
  for id in 1 2; do
    local dir="$WORK/identity-$id"
    mkdir -p "$dir"; chmod 700 "$dir"
    openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
      -subj "/O=Everseed fleet/CN=$id" -keyout "$dir/agent-key.pem" -out "$dir/agent.csr" 2>/dev/null
    chmod 600 "$dir/agent-key.pem"
    printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth,clientAuth\n' > "$dir/ext"
    openssl x509 -req -in "$dir/agent.csr" -CA "$ca/fleet-ca.pem" -CAkey "$ca/ca-key.pem" \
      -CAcreateserial -days 2 -extfile "$dir/ext" -out "$dir/agent-cert.pem" 2>/dev/null
    cp "$ca/fleet-ca.pem" "$dir/fleet-ca.pem"
  done
}

mkdir -p "$WORK/seed"
PAYLOAD="$WORK/seed/payload.bin"
if [ ! -f "$PAYLOAD" ] || [ "$(stat -c %s "$PAYLOAD")" -ne $((SIZE_MIB << 20)) ]; then
  echo "writing $SIZE_MIB MiB of random data to $PAYLOAD"
  head -c $((SIZE_MIB << 20)) /dev/urandom > "$PAYLOAD"
fi
EXPECTED=$(sha256sum "$PAYLOAD" | cut -d' ' -f1)
make_fleet
TORRENT="$WORK/payload.torrent"
"$AGENT" create -q --force -l "$PIECE" -a "http://127.0.0.1:9/announce" -o "$TORRENT" "$PAYLOAD" > "$WORK/create.log"

# run_transfer <label> [seeder options] -- [leecher options]; prints "start end"
run_transfer() {
  local label=$1; shift
  local seed_opts=() fetch_opts=()
  while [ "$1" != "--" ]; do seed_opts+=("$1"); shift; done; shift
  fetch_opts=("$@")
  local port out seed_pid start end
  port=$(free_port); out="$WORK/out-$label"
  rm -rf "$out"
  "$AGENT" seed --bind 127.0.0.1 --port "$port" "${seed_opts[@]}" "$TORRENT" "$PAYLOAD" > "$WORK/$label-seed.log" 2>&1 &
  seed_pid=$!; PIDS+=("$seed_pid")
  wait_port "$port"
  grep -q "seeding" "$WORK/$label-seed.log" || sleep 1
  start=$(now)
  "$AGENT" fetch -q --bind 127.0.0.1 --port 0 --dir "$out" --peer "127.0.0.1:$port" "${fetch_opts[@]}" "$TORRENT" > "$WORK/$label-fetch.log" 2>&1
  end=$(now)
  kill "$seed_pid"; wait "$seed_pid" 2>/dev/null || true
  [ "$(sha256sum "$out/payload.bin" | cut -d' ' -f1)" = "$EXPECTED" ] || { echo "$label copy differs" >&2; exit 1; }
  echo "$start $end"
}

best() { sort -n | head -1; }
declare -a PL TL
for run in $(seq 1 "$RUNS"); do
  read -r s e < <(run_transfer plain --); PL+=("$(echo "$e - $s" | bc -l)")
  read -r s e < <(run_transfer tls --identity "$WORK/identity-1" -- --identity "$WORK/identity-2"); TL+=("$(echo "$e - $s" | bc -l)")
  printf 'run %d: plaintext %.2f s, TLS %.2f s\n' "$run" "${PL[-1]}" "${TL[-1]}"
done
PL_BEST=$(printf '%s\n' "${PL[@]}" | best)
TL_BEST=$(printf '%s\n' "${TL[@]}" | best)
BYTES=$((SIZE_MIB << 20))
echo
echo "| agent -> agent ($SIZE_MIB MiB, $PIECE pieces, loopback, best of $RUNS) | time | rate |"
echo "|---|---|---|"
printf '| plaintext BitTorrent (open channel) | %.2f s | %.0f MB/s |\n' "$PL_BEST" "$(echo "$BYTES / $PL_BEST / 1000000" | bc -l)"
printf '| TLS 1.3, fleet certificates (private channel) | %.2f s | %.0f MB/s |\n' "$TL_BEST" "$(echo "$BYTES / $TL_BEST / 1000000" | bc -l)"
printf '\nratio TLS/plaintext (rate): %.2f (goal >= 0.8); SHA-256 of every copy matches\n\n' "$(echo "$PL_BEST / $TL_BEST" | bc -l)"

java -cp "$EVERSEED_AGENT_JAR:$(dirname "$EVERSEED_AGENT_JAR")/lib/*" \
  "$ROOT/bench/TlsHandshakes.java" "$WORK/identity-1" "$WORK/identity-2" "$HANDSHAKES"
