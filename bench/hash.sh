#!/bin/sh
# Torrent creation throughput: Everseed's CLI vs mktorrent (same piece length, all threads) vs
# sha1sum, on one file read from the page cache. Not a test: figures go to docs/benchmarks.md.
#
#   bench/hash.sh [work-folder]        (default /tmp/everseed-bench)
#   SIZE_MIB=1024 RUNS=5 PIECE_LOG2=20 THREADS=$(nproc) bench/hash.sh
#
# Each tool runs RUNS times; the best (shortest) run counts, which is the usual way to take
# out noise from other processes on a shared machine. Everseed is timed twice:
#  - cold: the CLI end to end, JVM start and JIT compilation included, as a user runs it;
#  - warm: TorrentCreator called RUNS+1 times in one JVM, best run after the first, which is
#    what the server's long-running upload path sees.
set -eu

work=${1:-/tmp/everseed-bench}
size_mib=${SIZE_MIB:-1024}
runs=${RUNS:-5}
piece_log2=${PIECE_LOG2:-20}
threads=${THREADS:-$(nproc)}
repo=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
agent="$repo/distribution-agent/bin/everseed-agent"

for tool in mktorrent sha1sum java python3; do
  command -v "$tool" >/dev/null || { echo "hash.sh: $tool is missing (apt-get install -y mktorrent coreutils openjdk-17-jdk-headless python3)" >&2; exit 1; }
done
if [ ! -f "$repo/distribution-agent/target/everseed-agent.jar" ]; then
  (cd "$repo" && ./mvnw -B -q -pl api,distribution-agent -am package -DskipTests)
fi

mkdir -p "$work"
payload="$work/payload-${size_mib}MiB.bin"
bytes=$((size_mib * 1024 * 1024))
if [ ! -f "$payload" ] || [ "$(stat -c %s "$payload")" -ne "$bytes" ]; then
  echo "writing $payload ($size_mib MiB of random bytes)"
  head -c "$bytes" /dev/urandom >"$payload"
fi
cat "$payload" >/dev/null # warm the page cache: every tool then reads from memory

now() { date +%s.%N; }

# best_of <label> <command...>: runs the command $runs times, prints and returns the best seconds
best_of() {
  label=$1
  shift
  best=""
  i=0
  while [ "$i" -lt "$runs" ]; do
    rm -f "$work/out.torrent"
    start=$(now)
    "$@" >/dev/null 2>&1
    end=$(now)
    t=$(python3 -c "print(f'{$end - $start:.4f}')")
    best=$(python3 -c "print(min(float('$t'), float('${best:-1e9}')))")
    i=$((i + 1))
  done
  echo "$best"
}

mbps() { python3 -c "print(f'{$bytes / $1 / 1e6:.0f}')"; }

echo "file: $size_mib MiB, piece length 2^$piece_log2, $threads threads, best of $runs runs, $(nproc) cores"
everseed=$(best_of everseed "$agent" create -q --force --no-date --public -t "$threads" \
  -l $((1 << piece_log2)) -o "$work/out.torrent" "$payload")
mktorrent=$(best_of mktorrent mktorrent -d -t "$threads" -l "$piece_log2" \
  -a http://127.0.0.1/announce -o "$work/out.torrent" "$payload")
sha1=$(best_of sha1sum sha1sum "$payload")

cat >"$work/WarmCreate.java" <<'JAVA'
import java.nio.file.Path;
import org.everseed.api.metainfo.TorrentCreator;

public class WarmCreate {
  public static void main(String[] args) throws Exception {
    double best = Double.MAX_VALUE;
    for (int run = 0; run <= Integer.parseInt(args[3]); run++) {
      long start = System.nanoTime();
      TorrentCreator.of(Path.of(args[0])).pieceLength(Integer.parseInt(args[1]))
          .threads(Integer.parseInt(args[2])).privateTorrent(false).creationDate(null).create();
      double seconds = (System.nanoTime() - start) / 1e9;
      if (run > 0) {
        best = Math.min(best, seconds);
      }
    }
    System.out.printf("%.4f%n", best);
  }
}
JAVA
warm=$(java -cp "$repo/distribution-agent/target/lib/"'*' "$work/WarmCreate.java" \
  "$payload" $((1 << piece_log2)) "$threads" "$runs")

# The same torrent from both tools is the precondition for comparing their times.
"$agent" create -q --force --no-date --public -l $((1 << piece_log2)) -o "$work/everseed.torrent" "$payload" >/dev/null
rm -f "$work/mktorrent.torrent"
mktorrent -d -l "$piece_log2" -a http://127.0.0.1/announce -o "$work/mktorrent.torrent" "$payload" >/dev/null
e_hash=$("$agent" show "$work/everseed.torrent" | sed -n 's/^Info-hash: *//p')
m_hash=$("$agent" show "$work/mktorrent.torrent" | sed -n 's/^Info-hash: *//p')
[ "$e_hash" = "$m_hash" ] || { echo "hash.sh: info-hashes differ: everseed $e_hash, mktorrent $m_hash" >&2; exit 1; }

printf '%-34s %8s s %7s MB/s\n' "everseed-agent create (-t $threads)" "$everseed" "$(mbps "$everseed")"
printf '%-34s %8s s %7s MB/s\n' "everseed TorrentCreator, warm JVM" "$warm" "$(mbps "$warm")"
printf '%-34s %8s s %7s MB/s\n' "mktorrent -t $threads" "$mktorrent" "$(mbps "$mktorrent")"
printf '%-34s %8s s %7s MB/s\n' "sha1sum" "$sha1" "$(mbps "$sha1")"
python3 -c "print(f'ratio everseed/mktorrent: cold CLI {$mktorrent / $everseed:.2f}, warm JVM {$mktorrent / $warm:.2f}   everseed/sha1sum: cold {$sha1 / $everseed:.2f}   (same info-hash $e_hash)')"
