package org.everseed.agent.swarm;

import org.everseed.api.Version;

/**
 * What a peer's BEP 10 extension handshake said: the message ids it wants for each extension we
 * speak (0: it does not speak it) and its client name.
 */
record PeerExtensions(int pex, int metadata, int webSeedClaim, String client) {

  static final PeerExtensions NONE = new PeerExtensions(0, 0, 0, "");

  /** Another Everseed agent, by its client name. */
  boolean isEverseed() {
    return client.startsWith(Version.PRODUCT);
  }
}
