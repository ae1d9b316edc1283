package org.everseed.agent.swarm;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Pieces other agents said they are fetching from the web seed ({@code everseed_ws}): this agent
 * leaves each alone for a few piece fetches' time, so two agents rarely fetch the same piece.
 * Guarded by the session's lock.
 */
final class WebSeedClaims {

  /** How long a claim keeps us off its piece. */
  static final long CLAIM_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final Map<Integer, Long> expiry = new HashMap<>();

  void claimed(int piece, long now) {
    expiry.put(piece, now + CLAIM_NANOS);
  }

  /** Sets the pieces claimed at {@code now} in {@code pieces}, forgetting expired claims. */
  void addActive(BitSet pieces, long now) {
    expiry.values().removeIf(until -> until < now);
    expiry.keySet().forEach(pieces::set);
  }
}
