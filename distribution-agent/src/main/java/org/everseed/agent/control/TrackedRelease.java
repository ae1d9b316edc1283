package org.everseed.agent.control;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.everseed.agent.swarm.TorrentSession;
import org.everseed.api.rest.agent.DistributionState;
import org.everseed.api.rest.agent.ReleaseAssignment;

/**
 * A release the daemon is handling: what the server assigned, where it goes, the session moving its
 * bytes and how far it got. Polls, installs and reports run on different threads, so the changing
 * parts are volatile; {@link Reporter} changes the state together with its report under this
 * object's monitor.
 */
final class TrackedRelease {

  private final ReleaseAssignment release;
  private final Path target;
  private final long startedNanos = System.nanoTime();
  private volatile TorrentSession session;
  private volatile DistributionState state = DistributionState.STARTED;

  TrackedRelease(ReleaseAssignment release, Path target) {
    this.release = release;
    this.target = target;
  }

  ReleaseAssignment release() {
    return release;
  }

  /** The release folder, {@code <target>/<channel>/<name>/<version>}. */
  Path target() {
    return target;
  }

  /** Since the daemon took the release up. */
  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  Optional<TorrentSession> session() {
    return Optional.ofNullable(session);
  }

  void attach(TorrentSession session) {
    this.session = session;
  }

  DistributionState state() {
    return state;
  }

  void moveTo(DistributionState next) {
    state = next;
  }

  /** Downloading: started, or progress already reported. */
  boolean inFlight() {
    return state == DistributionState.STARTED || state == DistributionState.PROGRESS;
  }

  /** {@code <name> <version>}, for logs. */
  String label() {
    return release.name() + " " + release.version();
  }
}
