package org.everseed.domain.model.distribution;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What an agent reports about one release: where it stands, where its bytes came from, how long it
 * has taken, and the post-install hook's exit status.
 *
 * @param bytesFromPeers piece data received from other peers so far
 * @param bytesFromWebSeed piece data received from the server's web seed so far
 * @param elapsed time since the download started
 * @param hookExitCode empty if no hook ran
 * @param message a human-readable note, e.g. a failure's cause; empty for none
 */
public record Progress(
    DistributionRecord.State state,
    long bytesFromPeers,
    long bytesFromWebSeed,
    Duration elapsed,
    Optional<Integer> hookExitCode,
    String message) {
  public Progress {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(hookExitCode, "hook exit code");
    message = message == null ? "" : message;
  }
}
