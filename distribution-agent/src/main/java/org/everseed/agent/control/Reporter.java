package org.everseed.agent.control;

import java.io.IOException;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.everseed.agent.swarm.SessionStats;
import org.everseed.api.Version;
import org.everseed.api.rest.agent.DistributionReport;
import org.everseed.api.rest.agent.DistributionState;

/**
 * The one place that tells the server how this agent and its releases are doing: distribution
 * reports (with the byte counts of the release's session) and heartbeats. A release's state changes
 * here, together with its report, under the release's monitor, so the reports of one release reach
 * the server in the order its state changed. Nothing is sent before the agent is enrolled; a report
 * the server did not take is logged and answered {@code false}.
 */
final class Reporter {

  private final ServerClient server;
  private final Enrolment enrolment;
  private final Consumer<String> log;

  Reporter(ServerClient server, Enrolment enrolment, Consumer<String> log) {
    this.server = server;
    this.enrolment = enrolment;
    this.log = log;
  }

  /**
   * Moves a release to {@code state} and reports it.
   *
   * @param hookExit the post-install hook's exit status, null if none ran
   * @param message why it failed or what went wrong, null if nothing did
   * @return whether the server took the report
   */
  boolean report(
      TrackedRelease release, DistributionState state, Integer hookExit, String message) {
    synchronized (release) {
      release.moveTo(state);
      return send(release, state, hookExit, message);
    }
  }

  /** Reports {@code PROGRESS} for a release still downloading; nothing for any other. */
  void reportProgress(TrackedRelease release) {
    synchronized (release) {
      if (release.inFlight()) {
        release.moveTo(DistributionState.PROGRESS);
        send(release, DistributionState.PROGRESS, null, null);
      }
    }
  }

  private boolean send(
      TrackedRelease release, DistributionState state, Integer hookExit, String message) {
    OptionalLong agentId = enrolment.agentId();
    if (agentId.isEmpty()) {
      return false;
    }
    SessionStats stats = release.session().map(session -> session.stats()).orElse(null);
    DistributionReport report =
        new DistributionReport(
            release.release().releaseId(),
            state,
            stats == null ? 0 : stats.bytesFromPeers(),
            stats == null ? 0 : stats.bytesFromWebSeed(),
            release.elapsed().toMillis(),
            hookExit,
            message);
    try {
      server.report(agentId.getAsLong(), report);
      return true;
    } catch (IOException | RuntimeException e) {
      log.accept("reporting " + state + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  /** Tells the server this agent is alive and which version it runs, once enrolled. */
  void heartbeat() {
    OptionalLong agentId = enrolment.agentId();
    if (agentId.isEmpty()) {
      return;
    }
    try {
      server.heartbeat(agentId.getAsLong(), Version.current());
    } catch (IOException | RuntimeException e) {
      log.accept("heartbeat failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
