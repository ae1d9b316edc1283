package org.everseed.infrastructure.tracker;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.domain.model.tracking.Peer;
import org.everseed.domain.model.tracking.PeerAnnouncement;
import org.everseed.domain.model.tracking.PeerRegistry;
import org.everseed.domain.model.tracking.Swarm;
import org.everseed.domain.model.tracking.SwarmAnswer;
import org.everseed.domain.model.tracking.SwarmStatistics;

/**
 * Swarms in the heap, one lock per swarm: announces for different torrents never wait for each
 * other, and one announce takes its swarm's lock once (record, then select). The total number of
 * peers is bounded; past the bound new peers still get answers but are not stored.
 *
 * <p>An empty swarm is removed by the sweeper inside the map's own atomic {@code computeIfPresent},
 * and marked dead under its lock; an announce that raced with the removal sees the mark and retries
 * with a fresh swarm, so no peer is ever filed into a swarm nobody can reach.
 */
public final class InMemoryPeerRegistry implements PeerRegistry {
  private final ConcurrentHashMap<InfoHash, Entry> swarms = new ConcurrentHashMap<>();
  private final AtomicLong peers = new AtomicLong();
  private final long maxPeers;

  private static final class Entry {
    final Swarm swarm = new Swarm();
    boolean dead;
  }

  public InMemoryPeerRegistry(long maxPeers) {
    this.maxPeers = maxPeers;
  }

  @Override
  public SwarmAnswer announce(PeerAnnouncement a, long nowMillis) {
    while (true) {
      Entry entry = swarms.computeIfAbsent(a.infoHash(), k -> new Entry());
      synchronized (entry) {
        if (entry.dead) {
          continue;
        }
        Swarm swarm = entry.swarm;
        switch (swarm.record(a, nowMillis, peers.get() < maxPeers)) {
          case ADDED -> peers.incrementAndGet();
          case REMOVED -> peers.decrementAndGet();
          case UPDATED, IGNORED -> {}
        }
        Peer[] selected = new Peer[Math.min(a.numwant(), swarm.size())];
        int count =
            switch (a.event()) {
              case STOPPED -> 0;
              default ->
                  swarm.select(
                      a.compactEndpoint(),
                      a.site(),
                      a.seeding(),
                      selected.length,
                      selected,
                      ThreadLocalRandom.current());
            };
        return new SwarmAnswer(swarm.seeders(), swarm.leechers(), selected, count);
      }
    }
  }

  @Override
  public SwarmStatistics statistics(InfoHash infoHash) {
    Entry entry = swarms.get(infoHash);
    if (entry == null) {
      return SwarmStatistics.EMPTY;
    }
    synchronized (entry) {
      return new SwarmStatistics(
          entry.swarm.seeders(), entry.swarm.leechers(), entry.swarm.completed());
    }
  }

  @Override
  public Map<InfoHash, SwarmStatistics> statisticsOfAll() {
    Map<InfoHash, SwarmStatistics> all = new HashMap<>();
    swarms.forEach(
        (infoHash, entry) -> {
          synchronized (entry) {
            if (!entry.dead) {
              all.put(
                  infoHash,
                  new SwarmStatistics(
                      entry.swarm.seeders(), entry.swarm.leechers(), entry.swarm.completed()));
            }
          }
        });
    return all;
  }

  @Override
  public int evictSilentSince(long cutoffMillis) {
    int[] evicted = {0};
    for (InfoHash infoHash : swarms.keySet()) {
      swarms.computeIfPresent(
          infoHash,
          (k, entry) -> {
            synchronized (entry) {
              int gone = entry.swarm.evictSilentSince(cutoffMillis);
              evicted[0] += gone;
              peers.addAndGet(-gone);
              // An empty swarm keeps its completed count only while it has peers; the catalog's
              // statistics add the count recorded in the audit trail.
              if (entry.swarm.size() == 0 && entry.swarm.completed() == 0) {
                entry.dead = true;
                return null;
              }
              return entry;
            }
          });
    }
    return evicted[0];
  }

  @Override
  public void retainOnly(Set<InfoHash> tracked) {
    for (InfoHash infoHash : swarms.keySet()) {
      if (!tracked.contains(infoHash)) {
        swarms.computeIfPresent(
            infoHash,
            (k, entry) -> {
              synchronized (entry) {
                entry.dead = true;
                peers.addAndGet(-entry.swarm.size());
                return null;
              }
            });
      }
    }
  }

  @Override
  public long peerCount() {
    return peers.get();
  }

  @Override
  public int swarmCount() {
    return swarms.size();
  }
}
