package org.everseed.domain.model.tracking;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.everseed.api.tracker.AnnounceEvent;

/**
 * The peers of one torrent and the rule for introducing them: same-site peers first, then the
 * others, random within each group; leechers get seeders before leechers within each group; seeders
 * get no seeders; nobody gets themselves. Not thread-safe: the registry locks each swarm.
 *
 * <p>Random picks walk a group from a random start with a random stride coprime to its size, which
 * visits every member once in a scrambled order without allocating a permutation.
 */
public final class Swarm {
  private final Map<ByteBuffer, Peer> byEndpoint = new HashMap<>();
  private final PeerGroup seeders = new PeerGroup(false);
  private final PeerGroup leechers = new PeerGroup(false);
  private final Map<Site, SiteGroups> sites = new HashMap<>();
  private long completed;

  private record SiteGroups(PeerGroup seeders, PeerGroup leechers) {
    SiteGroups() {
      this(new PeerGroup(true), new PeerGroup(true));
    }

    PeerGroup of(boolean seeding) {
      return seeding ? seeders : leechers;
    }

    boolean isEmpty() {
      return seeders.size() == 0 && leechers.size() == 0;
    }
  }

  /** What an announce did to the swarm's peer count, for the registry's global bound. */
  public enum Change {
    ADDED,
    UPDATED,
    REMOVED,
    IGNORED
  }

  /**
   * Records an announce.
   *
   * @param admitNew whether a new peer may be stored (false when the registry is full: the
   *     requester still gets peers, it just is not handed out until there is room)
   */
  public Change record(PeerAnnouncement a, long nowMillis, boolean admitNew) {
    ByteBuffer key = ByteBuffer.wrap(a.compactEndpoint());
    Peer peer = byEndpoint.get(key);
    if (a.event() == AnnounceEvent.STOPPED) {
      if (peer == null) {
        return Change.IGNORED;
      }
      remove(key, peer);
      return Change.REMOVED;
    }
    if (a.event() == AnnounceEvent.COMPLETED && (peer == null || !peer.seeding())) {
      completed++;
    }
    if (peer != null && !peer.site().equals(a.site())) {
      // The endpoint now belongs to another site (re-keyed agent): re-file it.
      remove(key, peer);
      peer = null;
    }
    if (peer == null) {
      if (!admitNew) {
        return Change.IGNORED;
      }
      peer = new Peer(a.compactEndpoint(), a.peerId(), a.site(), a.seeding(), nowMillis);
      byEndpoint.put(key, peer);
      file(peer);
      return Change.ADDED;
    }
    peer.refresh(a.peerId(), nowMillis);
    if (peer.seeding() != a.seeding()) {
      unfile(peer);
      peer.seeding(a.seeding());
      file(peer);
    }
    return Change.UPDATED;
  }

  /**
   * Selects up to {@code limit} peers for the requester into {@code out}, best first; returns how
   * many.
   */
  public int select(
      byte[] requesterEndpoint,
      Site requesterSite,
      boolean requesterSeeding,
      int limit,
      Peer[] out,
      RandomGenerator random) {
    Peer self = byEndpoint.get(ByteBuffer.wrap(requesterEndpoint));
    SiteGroups own = sites.get(requesterSite);
    int n = 0;
    if (!requesterSeeding && own != null) {
      n = pick(own.seeders, self, null, out, n, limit, random);
    }
    if (own != null) {
      n = pick(own.leechers, self, null, out, n, limit, random);
    }
    if (!requesterSeeding) {
      n = pick(seeders, self, requesterSite, out, n, limit, random);
    }
    return pick(leechers, self, requesterSite, out, n, limit, random);
  }

  /** Removes peers not heard from since {@code cutoffMillis}; returns how many. */
  public int evictSilentSince(long cutoffMillis) {
    int evicted = 0;
    var it = byEndpoint.entrySet().iterator();
    while (it.hasNext()) {
      Peer peer = it.next().getValue();
      if (peer.lastAnnounceMillis() < cutoffMillis) {
        it.remove();
        unfile(peer);
        evicted++;
      }
    }
    return evicted;
  }

  public int seeders() {
    return seeders.size();
  }

  public int leechers() {
    return leechers.size();
  }

  public int size() {
    return byEndpoint.size();
  }

  public long completed() {
    return completed;
  }

  private void remove(ByteBuffer key, Peer peer) {
    byEndpoint.remove(key);
    unfile(peer);
  }

  private void file(Peer peer) {
    (peer.seeding() ? seeders : leechers).add(peer);
    sites.computeIfAbsent(peer.site(), s -> new SiteGroups()).of(peer.seeding()).add(peer);
  }

  private void unfile(Peer peer) {
    (peer.seeding() ? seeders : leechers).remove(peer);
    SiteGroups groups = sites.get(peer.site());
    groups.of(peer.seeding()).remove(peer);
    if (groups.isEmpty()) {
      sites.remove(peer.site());
    }
  }

  /** Adds members of {@code group} in random order, skipping the requester and {@code skipSite}. */
  private static int pick(
      PeerGroup group,
      Peer self,
      Site skipSite,
      Peer[] out,
      int n,
      int limit,
      RandomGenerator random) {
    int size = group.size();
    if (size == 0 || n >= limit) {
      return n;
    }
    int index = random.nextInt(size);
    int stride = coprimeStride(size, random);
    for (int visited = 0; visited < size && n < limit; visited++) {
      Peer candidate = group.get(index);
      if (candidate != self && (skipSite == null || !candidate.site().equals(skipSite))) {
        out[n++] = candidate;
      }
      index += stride;
      if (index >= size) {
        index -= size;
      }
    }
    return n;
  }

  private static int coprimeStride(int size, RandomGenerator random) {
    if (size <= 2) {
      return 1;
    }
    int stride = 1 + random.nextInt(size - 1);
    while (gcd(stride, size) != 1) {
      stride = stride == size - 1 ? 1 : stride + 1;
    }
    return stride;
  }

  private static int gcd(int a, int b) {
    while (b != 0) {
      int t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
