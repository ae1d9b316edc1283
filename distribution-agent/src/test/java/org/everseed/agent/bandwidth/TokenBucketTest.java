package org.everseed.agent.bandwidth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private final AtomicLong now = new AtomicLong();

  @Test
  void burstIsFreeThenTheRateHolds() {
    TokenBucket bucket = new TokenBucket(1000, 500, now::get);
    assertEquals(0, bucket.take(500));
    // 1000 more bytes at 1000 B/s: one second of waiting.
    assertEquals(1_000_000_000L, bucket.take(1000));
  }

  @Test
  void timeRefillsUpToTheBurstOnly() {
    TokenBucket bucket = new TokenBucket(1000, 500, now::get);
    bucket.take(500);
    now.addAndGet(10_000_000_000L);
    assertEquals(0, bucket.take(500));
    assertEquals(100_000_000L, bucket.take(100), "idle time beyond the burst is not banked");
  }

  @Test
  void overAnyLongRunTheAverageStaysAtTheRate() {
    TokenBucket bucket = new TokenBucket(1_000_000, 16_384, now::get);
    long moved = 0;
    for (int i = 0; i < 10_000; i++) {
      long wait = bucket.take(16_384);
      now.addAndGet(wait);
      moved += 16_384;
    }
    double seconds = now.get() / 1e9;
    double rate = moved / seconds;
    assertTrue(rate <= 1_000_000 * 1.01 && rate >= 1_000_000 * 0.99, "rate " + rate);
  }

  @Test
  void zeroRateMeansUnlimited() {
    TokenBucket bucket = new TokenBucket(0, 1, now::get);
    assertTrue(bucket.isUnlimited());
    assertEquals(0, bucket.take(Long.MAX_VALUE / 2));
  }

  @Test
  void rateMeterAveragesOverItsWindow() {
    RateMeter meter = new RateMeter(1_000_000_000L, now::get);
    for (int i = 0; i < 50; i++) {
      now.addAndGet(100_000_000L);
      meter.add(100_000);
    }
    assertEquals(1_000_000, meter.rate(), 10_000);
    assertEquals(5_000_000, meter.total());
  }
}
