#!/usr/bin/env bash
# Benchmark: publishing a file through the REST API (multipart upload, written to the payload store
# and hashed into pieces in the same pass, then registered) vs a plain upload of the same bytes to
# the same server (bench/upload-sink: body written to disk, nothing else). Goal: publish <= 1.2x.
# Usage: bench/publish.sh [size-in-MiB (default 1024)] [runs (default 3)]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
SIZE_MIB="${1:-1024}"
RUNS="${2:-3}"
WORK="$(mktemp -d /tmp/everseed-bench-publish.XXXXXX)"
trap 'rm -rf "$WORK"; stop_system' EXIT

start_system

# The baseline servlet, compiled against the Servlet API from the local Maven repository.
SERVLET_API=$(find ~/.m2/repository/jakarta/servlet/jakarta.servlet-api -name 'jakarta.servlet-api-6.0.0.jar' | head -1)
[ -n "$SERVLET_API" ] || { echo "jakarta.servlet-api 6.0.0 not in ~/.m2 (build the project first)"; exit 1; }
mkdir -p "$WORK/sink/WEB-INF/classes"
javac -q --release 17 -cp "$SERVLET_API" -d "$WORK/sink/WEB-INF/classes" "$ROOT/bench/upload-sink/UploadSinkServlet.java" 2>/dev/null \
  || javac --release 17 -cp "$SERVLET_API" -d "$WORK/sink/WEB-INF/classes" "$ROOT/bench/upload-sink/UploadSinkServlet.java"
(cd "$WORK/sink" && jar cf "$WORK/bench-sink.war" .)
cp "$WORK/bench-sink.war" "$ROOT/run/wildfly/deployments/"
for _ in $(seq 1 60); do
  curl -s -o /dev/null -w '%{http_code}' -X POST --data-binary x "$BASE_URL/bench-sink/upload" | grep -q 200 && break
  sleep 1
done

echo "creating a ${SIZE_MIB} MiB file..."
head -c "$((SIZE_MIB * 1024 * 1024))" /dev/urandom > "$WORK/artifact.bin"
cat "$WORK/artifact.bin" > /dev/null # page cache
TOKEN=$(ci_token)

publish_once() { # $1 run number: changes the first bytes so each run is new content
  printf 'run-%08d' "$1" | dd of="$WORK/artifact.bin" bs=1 seek=0 conv=notrunc status=none
  curl -sf -o "$WORK/publish-$1.json" -w '%{time_total}' -H "Authorization: Bearer $TOKEN" \
    -F channel=bench/publish -F name=bench-artifact -F "version=$(date +%s%N)" \
    -F "file=@$WORK/artifact.bin;filename=artifact.bin" "$BASE_URL/api/v1/releases"
}
upload_once() {
  # -T streams the file (like -F does for the publish); --data-binary would load it into memory.
  curl -sf -o /dev/null -w '%{time_total}' -X POST -H "Content-Type: application/octet-stream" \
    -T "$WORK/artifact.bin" "$BASE_URL/bench-sink/upload"
}

echo "warming up..."
head -c $((16 * 1024 * 1024)) /dev/urandom > "$WORK/warm.bin"
curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" -F channel=bench/publish \
  -F "file=@$WORK/warm.bin;filename=warm-$(date +%s%N).bin" "$BASE_URL/api/v1/releases"
upload_once > /dev/null

best_publish=999999; best_upload=999999
for i in $(seq 1 "$RUNS"); do
  u=$(upload_once); p=$(publish_once "$i")
  echo "run $i: plain upload ${u}s, publish ${p}s"
  best_upload=$(echo "$u $best_upload" | awk '{print ($1<$2)?$1:$2}')
  best_publish=$(echo "$p $best_publish" | awk '{print ($1<$2)?$1:$2}')
done
rm -f "$ROOT/run/wildfly/deployments/bench-sink.war"

awk -v size="$SIZE_MIB" -v u="$best_upload" -v p="$best_publish" 'BEGIN {
  mb = size * 1.048576
  printf "\n%-34s %10s %10s\n", "", "seconds", "MB/s"
  printf "%-34s %10.2f %10.0f\n", "plain upload (curl -> sink)", u, mb / u
  printf "%-34s %10.2f %10.0f\n", "Everseed publish (curl -F)", p, mb / p
  printf "publish / plain upload = %.2f (goal <= 1.20)\n", p / u
}'
