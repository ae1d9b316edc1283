#!/usr/bin/env python3
"""Writes the announce paths bench/tracker.sh replays: random peers (peer id, port, seeding or
not) over the given info-hashes, compact, numwant=50.

usage: tracker-requests.py HASH_FILE PATH_PREFIX COUNT SEED [PEERS_PER_HASH]
  PATH_PREFIX  '/announce' (opentracker) or '/announce/<passkey>' (Everseed)
  PEERS_PER_HASH  when given, COUNT is ignored: exactly that many distinct peers per hash, once
                  each (fills a registry to a known size)
"""
import random
import sys
from urllib.parse import quote_from_bytes


def path(prefix, info_hash, port, rng):
    peer_id = b"-WK0001-" + bytes(rng.getrandbits(8) for _ in range(12))
    left = 0 if rng.random() < 0.3 else rng.randint(1, 1 << 30)
    return (f"{prefix}?info_hash={quote_from_bytes(info_hash, safe='')}"
            f"&peer_id={quote_from_bytes(peer_id, safe='')}&port={port}"
            f"&uploaded=0&downloaded=0&left={left}&compact=1&numwant=50")


def main():
    hashes = [bytes.fromhex(line.strip()) for line in open(sys.argv[1]) if line.strip()]
    prefix, count, seed = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    rng = random.Random(seed)
    out = sys.stdout
    if len(sys.argv) > 5:
        per_hash = int(sys.argv[5])
        for info_hash in hashes:
            for port in range(1, per_hash + 1):
                out.write(path(prefix, info_hash, 10000 + port, rng) + "\n")
        return
    for _ in range(count):
        out.write(path(prefix, rng.choice(hashes), rng.randint(1024, 65535), rng) + "\n")


main()
