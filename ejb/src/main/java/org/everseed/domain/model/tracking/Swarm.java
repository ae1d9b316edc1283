package org.everseed.domain.model.tracking;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 *
 * <p>Limits: at most {@code maxPeers} peers, and at most {@code maxPeersPerPasskey} of one passkey.
 * A passkey at its share replaces its own least recently heard peer here (a client restarted on a
 * new port); a new peer finding the swarm full, or the {@link PeerBudget} beyond this swarm
 * exhausted, is not stored. Nothing here ever removes one passkey's peer to make room for another.
 */
public final class Swarm {
  private final int maxPeers;
  private final int maxPeersPerPasskey;
  private final Map<ByteBuffer, Peer> byEndpoint = new HashMap<>();
  private final Map<Passkey, List<Peer>> byOwner = new HashMap<>();
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

  public Swarm(int maxPeers, int maxPeersPerPasskey) {
    if (maxPeers < 1 || maxPeersPerPasskey < 1) {
      throw new IllegalArgumentException("a swarm holds at least one peer, one per passkey");
    }
    this.maxPeers = maxPeers;
    this.maxPeersPerPasskey = maxPeersPerPasskey;
  }

  /** What an announce did to the swarm. */
  public enum Change {
    ADDED,
    /** Added in place of the same passkey's least recently heard peer (its share was full). */
    REPLACED,
    UPDATED,
    REMOVED,
    /** Not stored (a limit) or a stop for an unknown peer; the requester still gets peers. */
    IGNORED
  }

  /**
   * Records an announce.
   *
   * @param budget room beyond this swarm (the registry's bound, the passkey's total): taken for
   *     every peer stored, given back for every peer dropped
   */
  public Change record(PeerAnnouncement a, long nowMillis, PeerBudget budget) {
    ByteBuffer key = ByteBuffer.wrap(a.compactEndpoint());
    Peer peer = byEndpoint.get(key);
    if (a.event() == AnnounceEvent.STOPPED) {
      if (peer == null) {
        return Change.IGNORED;
      }
      remove(key, peer);
      budget.giveBack(peer.owner());
      return Change.REMOVED;
    }
    // A completion counts once per peer. Not "unless already seeding": an agent's regular announce
    // may report left=0 just before its `completed` event arrives (EndToEndIT saw 2 of 3).
    boolean completes =
        a.event() == AnnounceEvent.COMPLETED && (peer == null || !peer.completionCounted());
    if (completes) {
      completed++;
    }
    if (peer != null && (!peer.site().equals(a.site()) || !peer.owner().equals(a.owner()))) {
      // The endpoint now announces for another site (re-keyed agent) or with another passkey:
      // re-file it, counted against the new passkey's limits.
      remove(key, peer);
      budget.giveBack(peer.owner());
      peer = null;
    }
    if (peer == null) {
      Change change = add(key, a, nowMillis, budget);
      if (completes && change != Change.IGNORED) {
        byEndpoint.get(key).countCompletion();
      }
      return change;
    }
    if (completes) {
      peer.countCompletion();
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
  public int evictSilentSince(long cutoffMillis, PeerBudget budget) {
    int evicted = 0;
    var it = byEndpoint.entrySet().iterator();
    while (it.hasNext()) {
      Peer peer = it.next().getValue();
      if (peer.lastAnnounceMillis() < cutoffMillis) {
        it.remove();
        unfile(peer);
        disown(peer);
        budget.giveBack(peer.owner());
        evicted++;
      }
    }
    return evicted;
  }

  /** Removes every peer (the torrent is no longer tracked); returns how many. */
  public int removeAll(PeerBudget budget) {
    int removed = byEndpoint.size();
    for (Peer peer : byEndpoint.values()) {
      budget.giveBack(peer.owner());
    }
    byEndpoint.clear();
    byOwner.clear();
    sites.clear();
    seeders.clear();
    leechers.clear();
    return removed;
  }

  /** How many peers of {@code owner} this swarm holds. */
  public int peersOf(Passkey owner) {
    List<Peer> own = byOwner.get(owner);
    return own == null ? 0 : own.size();
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

  private Change add(ByteBuffer key, PeerAnnouncement a, long nowMillis, PeerBudget budget) {
    List<Peer> own = byOwner.get(a.owner());
    Change change;
    if (own != null && own.size() >= maxPeersPerPasskey) {
      // The passkey's share here is full: its own least recently heard peer makes room; the
      // passkey's total does not change.
      Peer stalest = own.get(0);
      for (int i = 1; i < own.size(); i++) {
        if (own.get(i).lastAnnounceMillis() < stalest.lastAnnounceMillis()) {
          stalest = own.get(i);
        }
      }
      remove(ByteBuffer.wrap(stalest.compactEndpoint()), stalest);
      change = Change.REPLACED;
    } else if (byEndpoint.size() >= maxPeers || !budget.take(a.owner())) {
      return Change.IGNORED;
    } else {
      change = Change.ADDED;
    }
    Peer peer =
        new Peer(a.compactEndpoint(), a.owner(), a.peerId(), a.site(), a.seeding(), nowMillis);
    byEndpoint.put(key, peer);
    file(peer);
    byOwner.computeIfAbsent(a.owner(), k -> new ArrayList<>(2)).add(peer);
    return change;
  }

  private void remove(ByteBuffer key, Peer peer) {
    byEndpoint.remove(key);
    unfile(peer);
    disown(peer);
  }

  private void disown(Peer peer) {
    List<Peer> own = byOwner.get(peer.owner());
    own.remove(peer);
    if (own.isEmpty()) {
      byOwner.remove(peer.owner());
    }
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
