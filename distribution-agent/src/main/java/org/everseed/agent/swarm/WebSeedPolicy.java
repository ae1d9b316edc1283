package org.everseed.agent.swarm;

import java.util.BitSet;
import java.util.Collection;

/**
 * Which pieces the web seed leaves to the swarm: those that at least {@code minHolders} connected
 * peers hold (not counting snubbed ones). The server's egress is the resource to save, so a piece
 * enough live peers have is left to them even while they choke us (choking rotates); a piece only
 * one peer holds is still fetched from the web seed with the default of 2, since that peer's upload
 * is the swarm's bottleneck for it.
 */
final class WebSeedPolicy {

  private WebSeedPolicy() {}

  /**
   * @param holdings the pieces of each peer that counts
   * @return the pieces at least {@code minHolders} of them hold
   */
  static BitSet leftToPeers(Collection<BitSet> holdings, int minHolders) {
    // atLeast[k]: pieces held by more than k of the peers seen so far
    BitSet[] atLeast = new BitSet[minHolders];
    for (int k = 0; k < minHolders; k++) {
      atLeast[k] = new BitSet();
    }
    for (BitSet pieces : holdings) {
      for (int k = minHolders - 1; k > 0; k--) {
        BitSet again = (BitSet) pieces.clone();
        again.and(atLeast[k - 1]);
        atLeast[k].or(again);
      }
      atLeast[0].or(pieces);
    }
    return atLeast[minHolders - 1];
  }
}
