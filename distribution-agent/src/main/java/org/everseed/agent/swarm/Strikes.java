package org.everseed.agent.swarm;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bad pieces counted per peer id, and bans. A strike goes to each peer found to have sent bad data:
 * the sole contributor of a piece that failed its hash check, and every contributor whose block
 * differed from the data the piece later verified with ({@link BlockBlame}). A peer reaching the
 * limit is banned for the rest of the session; so is, at once, a peer that broke the protocol. A
 * ban covers the peer id and the address it connected from (incoming connections from a banned
 * address are refused). Guarded by the session's lock.
 */
final class Strikes {

  private final int limit;
  private final Map<String, Integer> counts = new HashMap<>();
  private final Set<String> banned = new HashSet<>();
  private final Set<InetAddress> bannedAddresses = new HashSet<>();

  /**
   * @param limit bad pieces a peer may send before it is banned
   */
  Strikes(int limit) {
    this.limit = limit;
  }

  /**
   * Gives each of {@code culprits} one strike.
   *
   * @return those banned now
   */
  List<Peer> blame(Collection<Peer> culprits) {
    List<Peer> toBan = new ArrayList<>();
    for (Peer peer : culprits) {
      if (strike(peer.peerIdHex())) {
        bannedAddresses.add(peer.address().address());
        toBan.add(peer);
      }
    }
    return toBan;
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

  /**
   * Bans a peer at once (it broke the protocol).
   *
   * @return whether it was not banned before
   */
  boolean ban(Peer peer) {
    bannedAddresses.add(peer.address().address());
    return banned.add(peer.peerIdHex());
  }

  boolean isBanned(String peerId) {
    return banned.contains(peerId);
  }

  /** Whether incoming connections from {@code address} are refused. */
  boolean isBanned(InetAddress address) {
    return bannedAddresses.contains(address);
  }

  int bannedCount() {
    return banned.size();
  }
}
