package org.everseed.agent.swarm;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pieces that failed their hash check, counted against the peer id that alone supplied them; a peer
 * reaching the limit is banned for the rest of the session. Guarded by the session's lock.
 */
final class Strikes {

  private final int limit;
  private final Map<String, Integer> counts = new HashMap<>();
  private final Set<String> banned = new HashSet<>();

  /**
   * @param limit bad pieces a peer may send before it is banned
   */
  Strikes(int limit) {
    this.limit = limit;
  }

  /**
   * Blames a piece that failed its hash check on the peer that alone supplied it. With several
   * contributors the culprit is unknown; the piece's parole (one peer for its next try) settles it.
   *
   * @return the peer to ban now, if this strike reached the limit
   */
  Optional<Peer> blame(Set<Peer> contributors) {
    if (contributors.size() != 1) {
      return Optional.empty();
    }
    Peer peer = contributors.iterator().next();
    return strike(peer.peerIdHex()) ? Optional.of(peer) : Optional.empty();
  }

  /**
   * Counts one bad piece against {@code peerId}.
   *
   * @return whether that bans it now (true once per peer)
   */
  boolean strike(String peerId) {
    int count = counts.merge(peerId, 1, Integer::sum);
    return count >= limit && banned.add(peerId);
  }

  boolean isBanned(String peerId) {
    return banned.contains(peerId);
  }

  int bannedCount() {
    return banned.size();
  }
}
