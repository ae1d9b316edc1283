package org.everseed.domain.model.tracking;

import java.util.Arrays;

/**
 * An unordered set of peers in an array, with O(1) add and remove (the last peer fills the hole) so
 * random picks need no copying. Each peer remembers its slot in the two kinds of group it belongs
 * to: all seeders (or leechers) of the swarm, and those of its site.
 */
final class PeerGroup {
  private final boolean siteGroup;
  private Peer[] peers = new Peer[4];
  private int size;

  PeerGroup(boolean siteGroup) {
    this.siteGroup = siteGroup;
  }

  int size() {
    return size;
  }

  Peer get(int index) {
    return peers[index];
  }

  void add(Peer peer) {
    if (size == peers.length) {
      peers = Arrays.copyOf(peers, size * 2);
    }
    peers[size] = peer;
    slot(peer, size);
    size++;
  }

  void remove(Peer peer) {
    int slot = siteGroup ? peer.slotInSite : peer.slotInSwarm;
    Peer last = peers[--size];
    peers[slot] = last;
    slot(last, slot);
    peers[size] = null;
    slot(peer, -1);
    if (peers.length > 16 && size < peers.length / 4) {
      peers = Arrays.copyOf(peers, peers.length / 2);
    }
  }

  /** Forgets every member (their slots are left as they were: the peers are being dropped). */
  void clear() {
    Arrays.fill(peers, 0, size, null);
    size = 0;
  }

  private void slot(Peer peer, int slot) {
    if (siteGroup) {
      peer.slotInSite = slot;
    } else {
      peer.slotInSwarm = slot;
    }
  }
}
