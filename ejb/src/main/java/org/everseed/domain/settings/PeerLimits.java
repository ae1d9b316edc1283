package org.everseed.domain.settings;

/**
 * How many peers the tracker keeps in memory, so that no passkey holder can crowd out the others:
 * each passkey has a share per swarm and a share in total, each swarm a cap, and the registry a
 * global bound as the last safety net. Past a limit a new peer still gets its answer but is not
 * stored (it is not handed out to others), except that a passkey at its per-swarm share replaces
 * its own least recently heard peer in that swarm; no limit ever removes another passkey's peer.
 * See {@code docs/tracker.md}.
 *
 * @param maxPeers peers in the whole registry ({@code max_peers}, default 2,000,000)
 * @param maxPeersPerPasskey peers of one passkey over all swarms ({@code max_peers_per_passkey},
 *     default 10,000)
 * @param maxPeersPerSwarm peers in one swarm ({@code max_peers_per_swarm}, default 100,000)
 * @param maxPeersPerPasskeyPerSwarm peers of one passkey in one swarm ({@code
 *     max_peers_per_passkey_per_swarm}, default 4: an agent is one peer, a restart on a new port
 *     leaves its old endpoint until it expires)
 */
public record PeerLimits(
    long maxPeers, int maxPeersPerPasskey, int maxPeersPerSwarm, int maxPeersPerPasskeyPerSwarm) {

  public static final PeerLimits DEFAULTS = new PeerLimits(2_000_000, 10_000, 100_000, 4);

  public PeerLimits {
    require(maxPeers >= 1, "max peers must be at least 1");
    require(maxPeersPerPasskey >= 1, "max peers per passkey must be at least 1");
    require(maxPeersPerSwarm >= 1, "max peers per swarm must be at least 1");
    require(
        maxPeersPerPasskeyPerSwarm >= 1 && maxPeersPerPasskeyPerSwarm <= maxPeersPerPasskey,
        "max peers per passkey per swarm must be between 1 and max peers per passkey");
  }

  /** The same limits with another global bound (tests, small deployments). */
  public PeerLimits withMaxPeers(long bound) {
    return new PeerLimits(bound, maxPeersPerPasskey, maxPeersPerSwarm, maxPeersPerPasskeyPerSwarm);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException("tracker configuration: " + message);
    }
  }
}
