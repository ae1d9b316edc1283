package org.everseed.infrastructure.tracker;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.domain.model.tracking.Passkey;
import org.everseed.domain.model.tracking.Peer;
import org.everseed.domain.model.tracking.PeerAnnouncement;
import org.everseed.domain.model.tracking.PeerBudget;
import org.everseed.domain.model.tracking.PeerRegistry;
import org.everseed.domain.model.tracking.Swarm;
import org.everseed.domain.model.tracking.SwarmAnswer;
import org.everseed.domain.model.tracking.SwarmStatistics;
import org.everseed.domain.settings.PeerLimits;

/**
 * Swarms in the heap, one lock per swarm: announces for different torrents never wait for each
 * other, and one announce takes its swarm's lock once (record, then select).
 *
 * <p>Peers are bounded by {@link PeerLimits}: each swarm enforces its cap and each passkey's share
 * in it; this registry is the {@link PeerBudget} for what spans swarms, one lock-free counter per
 * passkey and one for the total. Past a limit new peers still get answers but are not stored, so a
 * passkey that reaches its own limits only stops itself.
 *
 * <p>An empty swarm is removed by the sweeper inside the map's own atomic {@code computeIfPresent},
 * and marked dead under its lock; an announce that raced with the removal sees the mark and retries
 * with a fresh swarm, so no peer is ever filed into a swarm nobody can reach.
 */
public final class InMemoryPeerRegistry implements PeerRegistry, PeerBudget {
  /** A passkey's counter the sweeper has retired (it was at zero); announces fetch a fresh one. */
  private static final int RETIRED = -1;

  private final ConcurrentHashMap<InfoHash, Entry> swarms = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Passkey, AtomicInteger> perPasskey = new ConcurrentHashMap<>();
  private final AtomicLong peers = new AtomicLong();
  private final PeerLimits limits;

  private final class Entry {
    final Swarm swarm = new Swarm(limits.maxPeersPerSwarm(), limits.maxPeersPerPasskeyPerSwarm());
    boolean dead;
  }

  public InMemoryPeerRegistry(PeerLimits limits) {
    this.limits = limits;
  }

  @Override
  public SwarmAnswer announce(PeerAnnouncement a, long nowMillis) {
    while (true) {
      Entry entry = swarms.get(a.infoHash());
      if (entry == null) {
        entry = swarms.computeIfAbsent(a.infoHash(), k -> new Entry());
      }
      synchronized (entry) {
        if (entry.dead) {
          continue;
        }
        Swarm swarm = entry.swarm;
        swarm.record(a, nowMillis, this);
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
              evicted[0] += entry.swarm.evictSilentSince(cutoffMillis, this);
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
    retireIdlePasskeys();
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
                entry.swarm.removeAll(this);
                return null;
              }
            });
      }
    }
    retireIdlePasskeys();
  }

  @Override
  public long peerCount() {
    return peers.get();
  }

  /** How many peers {@code owner} has in all swarms. */
  public int peersOf(Passkey owner) {
    AtomicInteger count = perPasskey.get(owner);
    return count == null ? 0 : Math.max(0, count.get());
  }

  /** Called by a swarm, under its lock, for each new peer it would store. */
  @Override
  public boolean take(Passkey owner) {
    if (peers.incrementAndGet() > limits.maxPeers()) {
      peers.decrementAndGet();
      return false;
    }
    while (true) {
      AtomicInteger count = perPasskey.get(owner);
      if (count == null) {
        count = perPasskey.computeIfAbsent(owner, k -> new AtomicInteger());
      }
      int now = count.get();
      if (now == RETIRED) {
        perPasskey.remove(owner, count);
        continue;
      }
      if (now >= limits.maxPeersPerPasskey()) {
        peers.decrementAndGet();
        return false;
      }
      if (count.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  /** Called by a swarm, under its lock, for each stored peer it drops. */
  @Override
  public void giveBack(Passkey owner) {
    peers.decrementAndGet();
    // Present and positive: the owner's peer was counted, and only a zero counter is retired.
    perPasskey.get(owner).decrementAndGet();
  }

  /** Drops the counters of passkeys with no peer left, so revoked passkeys leave nothing behind. */
  private void retireIdlePasskeys() {
    perPasskey.forEach(
        (owner, count) -> {
          if (count.compareAndSet(0, RETIRED)) {
            perPasskey.remove(owner, count);
          }
        });
  }

  @Override
  public int swarmCount() {
    return swarms.size();
  }
}
