package org.everseed.agent.swarm;

import org.everseed.api.wire.PeerMessage;

/**
 * What a {@link Peer} needs from its connection: queue messages and uploads, measure rates, close.
 * {@link PeerConnection} is the real one; tests record what a peer sends.
 */
interface PeerWire {

  /** Queues a message; never blocks. */
  void send(PeerMessage message);

  /** Queues the upload of a block the peer requested. */
  void queueUpload(Block block);

  /** Drops queued uploads: every one, or only {@code block} if it is not null. */
  void dropQueuedUploads(Block block);

  /** Piece data received per second, recently. */
  double downloadRate();

  /** Piece data sent per second, recently. */
  double uploadRate();

  /** When anything last arrived, keep-alives included ({@link System#nanoTime()}). */
  long lastReceivedNanos();

  /** When anything was last sent. */
  long lastSentNanos();

  boolean isClosed();

  /** Whether the peer proved a fleet identity (TLS with a fleet certificate). */
  default boolean isAuthenticated() {
    return false;
  }

  void close();
}
