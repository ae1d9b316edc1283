package org.everseed.agent.swarm;

/**
 * Who may join a torrent's swarm, from its channel's "open to standard clients" setting.
 *
 * <ul>
 *   <li>{@link #FLEET_ONLY} (a private channel, the default): peers are dialled over TLS only, an
 *       incoming peer that did not prove a fleet identity is closed before we answer its handshake
 *       (it learns nothing, not even our peer id), and peer exchange happens only with
 *       authenticated peers. Without a fleet identity the agent has no peers at all and fetches
 *       from the web seed alone.
 *   <li>{@link #OPEN} (a channel opened to standard clients, and the command line's {@code fetch}
 *       and {@code seed} without {@code --identity}): plaintext BitTorrent as any client speaks it;
 *       incoming TLS peers are taken as well.
 * </ul>
 */
public enum SwarmAccess {
  FLEET_ONLY,
  OPEN;

  /** The access a channel's setting gives. */
  public static SwarmAccess of(boolean openToStandardClients) {
    return openToStandardClients ? OPEN : FLEET_ONLY;
  }

  /** Whether a peer that proved no fleet identity may stay. */
  boolean admits(boolean authenticated) {
    return authenticated || this == OPEN;
  }
}
