#!/usr/bin/env bash
# Benchmark: catalog search latency through the REST API with 100,000 releases: a two-word
# full-text query with a channel filter, measured with wrk (latency distribution). Goal p99 < 50 ms.
# Usage: bench/search.sh [releases (default 100000)] [seconds (default 20)]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
COUNT="${1:-100000}"
SECONDS_RUN="${2:-20}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }

trap stop_system EXIT
start_system
have=$(psql -h 127.0.0.1 -U postgres -tAc "select count(*) from release where publisher = 'bench-publisher'" everseed)
if [ "$have" -lt "$COUNT" ]; then
  echo "generating $COUNT synthetic releases..."
  psql -h 127.0.0.1 -U postgres -q -v count="$COUNT" -f "$ROOT/bench/generate-catalog.sql" everseed
fi
LUA=$(mktemp /tmp/everseed-search.XXXXXX.lua)
trap 'rm -f "$LUA"; stop_system' EXIT
TOKEN=$(ci_token)
cat > "$LUA" <<LUA
local queries = {"openssl+gateway", "kernel+driver", "postgres+backup", "erp+ledger", "java+runtime", "vpn+identity"}
local channels = {"bench/patches", "bench/apps", "bench/datasets", "bench/images"}
local requests = {}
-- Built in init(): wrk.format only adds the Host header once wrk knows the target.
init = function(args)
  for i, q in ipairs(queries) do
    for j, c in ipairs(channels) do
      requests[#requests + 1] = wrk.format("GET", "/api/v1/releases?q=" .. q .. "&channel=" .. c .. "&size=20",
        {["Authorization"] = "Bearer $TOKEN", ["Host"] = "127.0.0.1:8080"})
    end
  end
end
local failures = 0
response = function(status, headers, body)
  if status ~= 200 then failures = failures + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("non-200 answers: %d\n", summary.errors.status))
end
local n = 0
request = function() n = n + 1; return requests[(n % #requests) + 1] end
LUA
echo "warming up..."
wrk -t1 -c4 -d5s -s "$LUA" "$BASE_URL" > /dev/null
echo "measuring ${SECONDS_RUN}s, 4 connections..."
wrk -t2 -c4 -d"${SECONDS_RUN}s" --latency -s "$LUA" "$BASE_URL" | tee /tmp/everseed-search-wrk.txt
awk '/Requests\/sec/ {rps=$2} /50%/ {p50=$2} /99%/ {p99=$2} END {
  printf "\nsearch (2 words + channel, %s releases): %s req/s, p50 %s, p99 %s (goal p99 < 50ms)\n", "'"$COUNT"'", rps, p50, p99 }' /tmp/everseed-search-wrk.txt
