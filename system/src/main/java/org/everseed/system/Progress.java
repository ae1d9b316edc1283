package org.everseed.system;

import java.time.Duration;
import java.time.Instant;

/** Prints what the harness is doing, with the time since it began, so long starts show life. */
public final class Progress {
  private final Instant start = Instant.now();
  private final boolean quiet;

  private Progress(boolean quiet) {
    this.quiet = quiet;
  }

  public static Progress console() {
    return new Progress(false);
  }

  public static Progress quiet() {
    return new Progress(true);
  }

  public void step(String message) {
    if (!quiet) {
      System.out.printf("[%5.1fs] %s%n", elapsed().toMillis() / 1000.0, message);
      System.out.flush();
    }
  }

  public Duration elapsed() {
    return Duration.between(start, Instant.now());
  }
}
