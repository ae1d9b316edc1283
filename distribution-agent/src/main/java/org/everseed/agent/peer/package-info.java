/**
 * Connections to peers below the BitTorrent messages: the {@link
 * org.everseed.agent.peer.PeerTransport} a connection runs on (plaintext TCP, or TLS 1.3 between
 * fleet agents made by {@link org.everseed.agent.peer.FleetTls}; MSE/PE later), the listener that
 * tells incoming protocols apart by their first byte, the BEP 3 handshake ({@link
 * org.everseed.agent.peer.PeerHandshaker}, the only one in the agent) and the framing of
 * length-prefixed messages ({@link org.everseed.agent.peer.FrameReader}). Nothing here knows about
 * torrents' pieces or sessions.
 */
package org.everseed.agent.peer;
