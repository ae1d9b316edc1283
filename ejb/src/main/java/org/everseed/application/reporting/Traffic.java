package org.everseed.application.reporting;

import java.util.OptionalDouble;

/**
 * Piece data received, by where it came from: other peers, or the server's web seed.
 *
 * @param fromPeers bytes from other agents
 * @param fromWebSeed bytes from the server
 */
public record Traffic(long fromPeers, long fromWebSeed) {
  public static final Traffic NONE = new Traffic(0, 0);

  public Traffic plus(Traffic other) {
    return new Traffic(fromPeers + other.fromPeers, fromWebSeed + other.fromWebSeed);
  }

  /**
   * Bytes from peers over all bytes, 0 to 1 — the share the swarm took off the server; empty when
   * nothing was received yet.
   */
  public OptionalDouble offloadRatio() {
    long total = fromPeers + fromWebSeed;
    return total == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) fromPeers / total);
  }
}
