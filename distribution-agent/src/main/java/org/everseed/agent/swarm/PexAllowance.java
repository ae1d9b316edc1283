package org.everseed.agent.swarm;

import java.util.concurrent.TimeUnit;

/**
 * How many addresses one peer's exchange may still bring: at most {@link #PER_MESSAGE} per message
 * and {@link #PER_MINUTE} per minute, so a peer cannot grow the known set or keep the agent busy by
 * sending peer exchange without pause. Guarded by the session's lock.
 */
final class PexAllowance {

  /** BEP 11's own list size: more added addresses in one message are ignored. */
  static final int PER_MESSAGE = 50;

  /** Addresses taken from one peer per minute. */
  static final int PER_MINUTE = 100;

  private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);

  private boolean started;
  private long windowStart;
  private int taken;

  /** Addresses the next message may bring, at {@code now}. */
  int budget(long now) {
    if (!started || now - windowStart >= MINUTE_NANOS) {
      started = true;
      windowStart = now;
      taken = 0;
    }
    return Math.min(PER_MESSAGE, PER_MINUTE - taken);
  }

  /** The message brought {@code count} addresses. */
  void took(int count) {
    taken += count;
  }
}
