package org.everseed.agent.swarm;

import java.util.concurrent.atomic.AtomicLong;
import org.everseed.agent.bandwidth.RateMeter;

/**
 * A torrent's byte counters and rates, bumped from peer, web seed and hashing threads. Thread-safe.
 */
final class Transfers {

  private final AtomicLong fromPeers = new AtomicLong();
  private final AtomicLong fromWebSeed = new AtomicLong();
  private final AtomicLong uploaded = new AtomicLong();
  private final AtomicLong hashFailures = new AtomicLong();
  private final RateMeter downloadRate = RateMeter.fiveSeconds();
  private final RateMeter uploadRate = RateMeter.fiveSeconds();

  void receivedFromPeer(int bytes) {
    fromPeers.addAndGet(bytes);
    downloadRate.add(bytes);
  }

  void receivedFromWebSeed(long bytes) {
    fromWebSeed.addAndGet(bytes);
    downloadRate.add(bytes);
  }

  void uploaded(int bytes) {
    uploaded.addAndGet(bytes);
    uploadRate.add(bytes);
  }

  void hashFailed() {
    hashFailures.incrementAndGet();
  }

  long fromPeers() {
    return fromPeers.get();
  }

  long fromWebSeed() {
    return fromWebSeed.get();
  }

  /** Everything received, peers and web seeds, duplicates and bad pieces included. */
  long downloaded() {
    return fromPeers.get() + fromWebSeed.get();
  }

  long uploaded() {
    return uploaded.get();
  }

  int hashFailures() {
    return (int) hashFailures.get();
  }

  double downloadRate() {
    return downloadRate.rate();
  }

  double uploadRate() {
    return uploadRate.rate();
  }
}
