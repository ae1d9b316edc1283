package org.everseed.agent.bandwidth;

import java.util.function.LongSupplier;

/**
 * A moving rate in bytes per second: an exponentially weighted average over about {@code window}
 * nanoseconds, so a burst a minute ago no longer counts. Thread-safe.
 */
public final class RateMeter {

  private final long windowNanos;
  private final LongSupplier nanoClock;
  private double rate;
  private long pending;
  private long lastUpdate;
  private long total;

  public RateMeter(long windowNanos, LongSupplier nanoClock) {
    this.windowNanos = windowNanos;
    this.nanoClock = nanoClock;
    this.lastUpdate = nanoClock.getAsLong();
  }

  /** A 5-second meter on the system clock. */
  public static RateMeter fiveSeconds() {
    return new RateMeter(5_000_000_000L, System::nanoTime);
  }

  public synchronized void add(long bytes) {
    pending += bytes;
    total += bytes;
    update();
  }

  public synchronized long total() {
    return total;
  }

  /** Bytes per second. */
  public synchronized double rate() {
    update();
    return rate;
  }

  private void update() {
    long now = nanoClock.getAsLong();
    long elapsed = now - lastUpdate;
    // Fold bytes in at most every 100 ms so the average is not skewed by tiny intervals.
    if (elapsed < 100_000_000L) {
      return;
    }
    double instant = pending * 1e9 / elapsed;
    double weight = Math.min(1.0, (double) elapsed / windowNanos);
    rate = rate + weight * (instant - rate);
    pending = 0;
    lastUpdate = now;
  }
}
