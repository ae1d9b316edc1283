package org.everseed.domain.model.tracking;

import org.everseed.api.tracker.PeerEntry;

/**
 * One peer in one swarm, keyed by its endpoint (trackers tell local peers apart by address and
 * port). The compact endpoint is encoded once, when the peer first announces, so answers are built
 * by copying bytes. Mutable, and only touched under its swarm's lock.
 */
public final class Peer implements PeerEntry {
  private final byte[] compactEndpoint;
  private final Passkey owner;
  private final Site site;
  private byte[] peerId;
  private boolean seeding;
  private long lastAnnounceMillis;
  private boolean completionCounted;
  // Positions in the swarm's two groups (all seeders or leechers; those of the same site).
  int slotInSwarm = -1;
  int slotInSite = -1;

  public Peer(
      byte[] compactEndpoint,
      Passkey owner,
      byte[] peerId,
      Site site,
      boolean seeding,
      long nowMillis) {
    this.compactEndpoint = compactEndpoint;
    this.owner = owner;
    this.peerId = peerId;
    this.site = site;
    this.seeding = seeding;
    this.lastAnnounceMillis = nowMillis;
  }

  @Override
  public byte[] compactEndpoint() {
    return compactEndpoint;
  }

  @Override
  public byte[] peerId() {
    return peerId;
  }

  /** The passkey that announced this peer; its limits count the peer. */
  public Passkey owner() {
    return owner;
  }

  public Site site() {
    return site;
  }

  public boolean seeding() {
    return seeding;
  }

  public long lastAnnounceMillis() {
    return lastAnnounceMillis;
  }

  /** A later announce from the same endpoint: the client may have restarted with a new id. */
  public void refresh(byte[] newPeerId, long nowMillis) {
    this.peerId = newPeerId;
    this.lastAnnounceMillis = nowMillis;
  }

  /** Whether this peer's {@code completed} event has been counted (it counts once). */
  boolean completionCounted() {
    return completionCounted;
  }

  void countCompletion() {
    completionCounted = true;
  }

  void seeding(boolean nowSeeding) {
    this.seeding = nowSeeding;
  }
}
