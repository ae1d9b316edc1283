package org.everseed.agent.swarm;

import java.util.ArrayList;
import java.util.List;
import org.everseed.api.wire.PeerMessage;

/** A wire for unit tests: records what a peer sends and queues; rates and times are set by hand. */
final class RecordingWire implements PeerWire {

  /** What {@link #isAuthenticated} answers: whether the peer proved a fleet identity. */
  boolean authenticated;

  @Override
  public boolean isAuthenticated() {
    return authenticated;
  }

  final List<PeerMessage> sent = new ArrayList<>();
  final List<Block> queuedUploads = new ArrayList<>();
  double downloadRate;
  long lastReceivedNanos = System.nanoTime();
  long lastSentNanos = System.nanoTime();
  boolean closed;

  @Override
  public void send(PeerMessage message) {
    sent.add(message);
  }

  @Override
  public void queueUpload(Block block) {
    queuedUploads.add(block);
  }

  @Override
  public void dropQueuedUploads(Block block) {
    queuedUploads.removeIf(queued -> block == null || queued.equals(block));
  }

  @Override
  public double downloadRate() {
    return downloadRate;
  }

  @Override
  public double uploadRate() {
    return 0;
  }

  @Override
  public long lastReceivedNanos() {
    return lastReceivedNanos;
  }

  @Override
  public long lastSentNanos() {
    return lastSentNanos;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
  }
}
