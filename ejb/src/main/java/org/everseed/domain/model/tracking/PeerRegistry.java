package org.everseed.domain.model.tracking;

import java.util.Map;
import java.util.Set;
import org.everseed.api.metainfo.InfoHash;

/**
 * The live swarms, in memory. One implementation per deployment shape: a single server keeps them
 * in its heap; a cluster would put them in a distributed cache behind this same port.
 */
public interface PeerRegistry {

  /**
   * Records an announce and selects peers for it in one step: same-site peers first, then the
   * others, random within each group; same-site seeders first for leechers; no seeders for seeders;
   * never the requester itself. A {@code stopped} announce removes the peer and selects nobody.
   */
  SwarmAnswer announce(PeerAnnouncement announcement, long nowMillis);

  /** The swarm's counts; {@code completed} counts downloads completed since this registry began. */
  SwarmStatistics statistics(InfoHash infoHash);

  /** The counts of every swarm in memory, for snapshots. */
  Map<InfoHash, SwarmStatistics> statisticsOfAll();

  /** Evicts peers whose last announce is older than {@code cutoffMillis}; returns how many. */
  int evictSilentSince(long cutoffMillis);

  /** Drops the swarms of torrents no longer tracked (e.g. retired releases). */
  void retainOnly(Set<InfoHash> tracked);

  long peerCount();

  int swarmCount();
}
