package org.everseed.agent.bandwidth;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket: {@code rate} bytes per second refill it up to {@code burst} bytes. A caller takes
 * the bytes it is about to move and waits for the time the bucket tells it, so every caller
 * together stays under the rate. Taking more than is there puts the bucket in debt, which later
 * callers pay off by waiting; a large block therefore never waits forever. A rate of zero or less
 * means unlimited. Thread-safe.
 */
public final class TokenBucket {

  private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

  private final long bytesPerSecond;
  private final long burst;
  private final LongSupplier nanoClock;
  private double tokens;
  private long lastRefill;

  public TokenBucket(long bytesPerSecond, long burst, LongSupplier nanoClock) {
    this.bytesPerSecond = bytesPerSecond;
    this.burst = Math.max(1, burst);
    this.nanoClock = nanoClock;
    this.tokens = this.burst;
    this.lastRefill = nanoClock.getAsLong();
  }

  /** A bucket on the system clock whose burst is a tenth of a second of the rate (16 KiB least). */
  public static TokenBucket perSecond(long bytesPerSecond) {
    return new TokenBucket(
        bytesPerSecond, Math.max(16 << 10, bytesPerSecond / 10), System::nanoTime);
  }

  public static TokenBucket unlimited() {
    return new TokenBucket(0, 1, System::nanoTime);
  }

  public boolean isUnlimited() {
    return bytesPerSecond <= 0;
  }

  public long bytesPerSecond() {
    return bytesPerSecond;
  }

  /**
   * Takes {@code bytes} from the bucket and answers how many nanoseconds the caller must wait
   * before moving them (0 if they were there).
   */
  public synchronized long take(long bytes) {
    if (isUnlimited()) {
      return 0;
    }
    long now = nanoClock.getAsLong();
    tokens =
        Math.min(burst, tokens + (now - lastRefill) * (double) bytesPerSecond / NANOS_PER_SECOND);
    lastRefill = now;
    tokens -= bytes;
    if (tokens >= 0) {
      return 0;
    }
    return (long) Math.ceil(-tokens * NANOS_PER_SECOND / bytesPerSecond);
  }

  /** Takes {@code bytes} and sleeps as long as {@link #take} says. */
  public void acquire(long bytes) throws InterruptedException {
    long wait = take(bytes);
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }
}
