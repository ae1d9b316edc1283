package org.everseed.agent.control;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.everseed.agent.Agent;
import org.everseed.agent.StatusFile;
import org.everseed.agent.swarm.TorrentSession;
import org.everseed.api.rest.agent.ReleaseAssignment;

/**
 * The daemon's coordinator: on a schedule it polls the server for the releases of its channels and
 * hands each new one to the {@link ReleaseInstaller}, reports progress through the {@link
 * Reporter}, applies {@link Retention}, sends heartbeats and writes the status file. Enrolment
 * ({@link Enrolment}) happens on the first poll. A server outage only delays polling: sessions
 * already running keep their peers.
 */
public final class ControlPlane implements AutoCloseable {

  private final AgentSettings settings;
  private final Agent agent;
  private final ServerClient server;
  private final ScheduledExecutorService scheduler;
  private final Consumer<String> log;
  private final StatusFile status;
  private final Enrolment enrolment;
  private final Reporter reporter;
  private final ReleasePaths paths;
  private final ReleaseInstaller installer;
  private final Retention retention;
  private final Map<Long, TrackedRelease> releases = new HashMap<>();
  private final Set<Long> refused = new HashSet<>();

  public ControlPlane(
      AgentSettings settings,
      Agent agent,
      ServerClient server,
      Optional<PostInstallHook> hook,
      ScheduledExecutorService scheduler,
      Consumer<String> log) {
    this.settings = settings;
    this.agent = agent;
    this.server = server;
    this.scheduler = scheduler;
    this.log = log;
    this.status = new StatusFile(settings.stateDir().resolve("status.json"));
    this.enrolment = new Enrolment(settings, server, log);
    this.reporter = new Reporter(server, enrolment, log);
    this.paths = new ReleasePaths(settings);
    this.installer = new ReleaseInstaller(paths, agent, server, hook, reporter, scheduler, log);
    this.retention =
        new Retention(
            settings.keepVersions(), settings.retention(), agent::remove, Clock.systemUTC(), log);
  }

  /** Starts polling, heartbeats and status writing; enrolment happens on the first poll. */
  public void start() {
    scheduler.scheduleWithFixedDelay(
        this::guardedPoll, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(
        keepRunning("heartbeat", reporter::heartbeat),
        settings.heartbeatInterval().toMillis(),
        settings.heartbeatInterval().toMillis(),
        TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(
        keepRunning("status file", this::writeStatus), 1, 1, TimeUnit.SECONDS);
  }

  /**
   * A scheduled task that throws is never run again, so each periodic task catches everything,
   * errors included (a StackOverflowError from a hostile answer must not end polling for good).
   */
  private Runnable keepRunning(String what, Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (Throwable e) {
        log.accept(what + " failed, will retry: " + e);
      }
    };
  }

  /** The id the server gave this agent, -1 before enrolment. */
  public long agentId() {
    return enrolment.agentId().orElse(-1);
  }

  private void guardedPoll() {
    try {
      poll();
    } catch (IOException | RuntimeException e) {
      log.accept("polling the server failed, will retry: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable e) {
      // See keepRunning: an Error here would cancel every later poll.
      log.accept("polling the server failed, will retry: " + e);
    }
  }

  /** One round: enrol if needed, fetch the release list, start what is new, report progress. */
  public synchronized void poll() throws IOException, InterruptedException {
    long agentId = enrolment.ensureEnrolled();
    for (ReleaseAssignment release : server.releases(agentId)) {
      if (!releases.containsKey(release.releaseId()) && !nestsWithAnother(release)) {
        installer.begin(release).ifPresent(tracked -> releases.put(release.releaseId(), tracked));
      }
    }
    releases.values().forEach(reporter::reportProgress);
    retention.apply(releases.values());
  }

  /**
   * A release whose folder would lie inside another's, or hold another's (channels of different
   * depths), is not placed: retention or a repair of one would touch the other. Logged once.
   */
  private boolean nestsWithAnother(ReleaseAssignment release) {
    Path folder;
    try {
      folder = paths.releaseFolder(release);
    } catch (IllegalArgumentException e) {
      return false; // the installer refuses it with the reason
    }
    for (TrackedRelease other : releases.values()) {
      if (ReleasePaths.nested(folder, other.target())) {
        if (refused.add(release.releaseId())) {
          log.accept(
              "not placing release "
                  + release.releaseId()
                  + " in "
                  + folder
                  + ": it would nest with "
                  + other.target());
        }
        return true;
      }
    }
    return false;
  }

  private void writeStatus() {
    try {
      status.write(
          agent.listenPort(), agent.sessions().stream().map(TorrentSession::stats).toList());
    } catch (IOException e) {
      log.accept("writing the status file failed: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
