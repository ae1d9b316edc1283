#!/usr/bin/env bash
# Benchmark: the server as the permanent seed (BEP 19). One aria2c client completes a release from
# the web seed alone (no peers online), vs curl fetching the same file from the same URL, in one
# run. Prints MB/s for each and the ratio.
# Usage: bench/webseed.sh [size-in-MiB (default 1024)]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
SIZE_MIB="${1:-1024}"
WORK="$(mktemp -d /tmp/everseed-bench-webseed.XXXXXX)"
trap 'rm -rf "$WORK"; stop_system' EXIT
command -v aria2c >/dev/null || { echo "aria2c is missing: apt-get install aria2"; exit 1; }

start_system
TOKEN=$(ci_token)
echo "publishing a ${SIZE_MIB} MiB release..."
head -c "$((SIZE_MIB * 1024 * 1024))" /dev/urandom > "$WORK/payload.bin"
DETAILS=$(curl -sf -H "Authorization: Bearer $TOKEN" -F channel=bench/webseed \
  -F "version=$(date +%s%N)" -F "file=@$WORK/payload.bin;filename=webseed-payload.bin" \
  "$BASE_URL/api/v1/releases")
TORRENT_URL=$(echo "$DETAILS" | sed -E 's/.*"torrentUrl":"([^"]+)".*/\1/')
curl -sf -H "Authorization: Bearer $TOKEN" -o "$WORK/release.torrent" "$TORRENT_URL"
SEED_URL=$(aria2c --show-files "$WORK/release.torrent" >/dev/null 2>&1; \
  python3 - "$WORK/release.torrent" <<'PY'
import re, sys
data = open(sys.argv[1], 'rb').read()
m = re.search(rb'8:url-listl(\d+):', data)
n = int(m.group(1)); start = m.end()
print(data[start:start + n].decode())
PY
)
FILE_URL="${SEED_URL}webseed-payload.bin"
sha_expected=$(sha256sum "$WORK/payload.bin" | cut -d' ' -f1)
rm -f "$WORK/payload.bin"

t0=$(date +%s.%N)
curl -sf -o "$WORK/curl.bin" "$FILE_URL"
t1=$(date +%s.%N)
[ "$(sha256sum "$WORK/curl.bin" | cut -d' ' -f1)" = "$sha_expected" ] || { echo "curl: checksum mismatch"; exit 1; }
rm -f "$WORK/curl.bin"

mkdir -p "$WORK/aria2"
t2=$(date +%s.%N)
aria2c --dir="$WORK/aria2" --seed-time=0 --enable-dht=false --enable-dht6=false \
  --bt-enable-lpd=false --enable-peer-exchange=false --file-allocation=none \
  --summary-interval=0 --console-log-level=warn --listen-port=46881 "$WORK/release.torrent" > "$WORK/aria2.log" 2>&1
t3=$(date +%s.%N)
[ "$(sha256sum "$WORK/aria2/webseed-payload.bin" | cut -d' ' -f1)" = "$sha_expected" ] || { echo "aria2c: checksum mismatch"; exit 1; }

awk -v size="$SIZE_MIB" -v c="$(echo "$t1 - $t0" | bc)" -v a="$(echo "$t3 - $t2" | bc)" 'BEGIN {
  mb = size * 1.048576
  printf "\n%-40s %10s %10s\n", "", "seconds", "MB/s"
  printf "%-40s %10.2f %10.0f\n", "curl, one GET of the file", c, mb / c
  printf "%-40s %10.2f %10.0f\n", "aria2c, torrent from the web seed only", a, mb / a
  printf "aria2c / curl throughput = %.2f\n", c / a
}'
