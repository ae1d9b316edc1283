package org.everseed.it.security;

import java.time.Instant;

/** Tokens that expire while a test watches. */
final class ShortLived {
  /** Long enough to use the token once, short enough to wait out. */
  static final int SECONDS = 5;

  private ShortLived() {}

  /**
   * Returns once the clock has passed {@code expiry} (epoch seconds) by a full second, so that a
   * validator without clock skew tolerance sees the token as expired, whatever its rounding.
   */
  static void waitUntilPast(long expiry) throws InterruptedException {
    Instant past = Instant.ofEpochSecond(expiry + 1);
    while (Instant.now().isBefore(past)) {
      Thread.sleep(Math.max(50, past.toEpochMilli() - System.currentTimeMillis()));
    }
  }
}
