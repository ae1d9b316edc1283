package org.everseed.agent.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.everseed.agent.Agent;
import org.everseed.agent.StatusFile;
import org.everseed.agent.storage.DiskSpace;
import org.everseed.agent.storage.Placement;
import org.everseed.agent.swarm.SessionListener;
import org.everseed.agent.swarm.SessionStats;
import org.everseed.agent.swarm.TorrentSession;
import org.everseed.api.Version;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.rest.agent.AgentEnrolled;
import org.everseed.api.rest.agent.AgentEnrolment;
import org.everseed.api.rest.agent.DistributionReport;
import org.everseed.api.rest.agent.DistributionState;
import org.everseed.api.rest.agent.ReleaseAssignment;

/**
 * The daemon's brain: enrols with the server, polls for releases in its channels, downloads each
 * new one into the download folder, moves it atomically to {@code <target>/<channel>/<name>-
 * <version>/}, runs the post-install hook, reports every step, seeds what it has, and applies
 * retention (keep the newest N versions of each release name; older ones once past the retention
 * period are no longer seeded and are deleted). A server outage only delays polling: sessions
 * already running keep their peers.
 */
public final class ControlPlane implements AutoCloseable {

  /** A release the daemon is handling. */
  private static final class Tracked {
    final ReleaseAssignment release;
    final Path target;
    final long startedNanos = System.nanoTime();
    TorrentSession session;
    DistributionState state = DistributionState.STARTED;

    Tracked(ReleaseAssignment release, Path target) {
      this.release = release;
      this.target = target;
    }
  }

  private final AgentSettings settings;
  private final Agent agent;
  private final ServerClient server;
  private final Optional<PostInstallHook> hook;
  private final ScheduledExecutorService scheduler;
  private final Consumer<String> log;
  private final StatusFile status;
  private final Map<Long, Tracked> releases = new HashMap<>();
  private volatile long agentId = -1;

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
    this.hook = hook;
    this.scheduler = scheduler;
    this.log = log;
    this.status = new StatusFile(settings.stateDir().resolve("status.json"));
  }

  /** Starts polling, heartbeats and status writing; enrolment happens on the first poll. */
  public void start() {
    scheduler.scheduleWithFixedDelay(
        this::guardedPoll, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(
        this::guardedHeartbeat,
        settings.heartbeatInterval().toMillis(),
        settings.heartbeatInterval().toMillis(),
        TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(this::writeStatus, 1, 1, TimeUnit.SECONDS);
  }

  public long agentId() {
    return agentId;
  }

  private void guardedPoll() {
    try {
      poll();
    } catch (IOException | RuntimeException e) {
      log.accept("polling the server failed, will retry: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void guardedHeartbeat() {
    if (agentId < 0) {
      return;
    }
    try {
      server.heartbeat(agentId, Version.current());
    } catch (IOException | RuntimeException e) {
      log.accept("heartbeat failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One round: enrol if needed, fetch the release list, start what is new, report progress. */
  public synchronized void poll() throws IOException, InterruptedException {
    if (agentId < 0) {
      AgentEnrolled enrolled =
          server.enrol(
              new AgentEnrolment(
                  settings.name(), settings.site(), Version.current(), settings.channels()));
      agentId = enrolled.agentId();
      log.accept("enrolled as agent " + agentId);
    }
    for (ReleaseAssignment release : server.releases(agentId)) {
      if (!releases.containsKey(release.releaseId())) {
        begin(release);
      }
    }
    for (Tracked tracked : releases.values()) {
      if (tracked.state == DistributionState.STARTED
          || tracked.state == DistributionState.PROGRESS) {
        tracked.state = DistributionState.PROGRESS;
        report(tracked, DistributionState.PROGRESS, null, null);
      }
    }
    applyRetention();
  }

  private void begin(ReleaseAssignment release) throws InterruptedException {
    Path target;
    try {
      target = releaseFolder(release);
    } catch (IllegalArgumentException e) {
      log.accept("ignoring release " + release.releaseId() + ": " + e.getMessage());
      return;
    }
    Tracked tracked = new Tracked(release, target);
    releases.put(release.releaseId(), tracked);
    try {
      Metainfo torrent = Metainfo.parse(server.torrent(release.torrentUrl()));
      if (!torrent.infoHash().toHex().equalsIgnoreCase(release.infoHash())) {
        throw new IOException(
            "the torrent's info-hash "
                + torrent.infoHash()
                + " is not the release's "
                + release.infoHash());
      }
      if (Files.exists(target)) {
        // Placed earlier, before a restart: check it and seed it. If the agent stopped between
        // placing it and reporting, the hook and the report are still owed.
        tracked.session = agent.seed(torrent, target, logTo(release));
        if (Files.exists(installedMarker(torrent))) {
          tracked.state = DistributionState.COMPLETED;
        } else {
          scheduler.execute(() -> finishInstall(tracked, torrent));
        }
        return;
      }
      DiskSpace.requireFree(settings.downloadDir(), torrent.totalLength());
      Path staging = settings.downloadDir().resolve(torrent.infoHash().toHex());
      Path resume = settings.stateDir().resolve(torrent.infoHash().toHex() + ".resume");
      tracked.session = agent.download(torrent, staging, resume, logTo(release));
      report(tracked, DistributionState.STARTED, null, null);
      tracked
          .session
          .completion()
          .thenAcceptAsync(session -> install(tracked, torrent, staging, resume), scheduler);
    } catch (IOException | RuntimeException e) {
      tracked.state = DistributionState.FAILED;
      log.accept(
          "release " + release.name() + " " + release.version() + " failed: " + e.getMessage());
      report(tracked, DistributionState.FAILED, null, e.getMessage());
    }
  }

  private void install(Tracked tracked, Metainfo torrent, Path staging, Path resume) {
    try {
      tracked.session.relocate(
          current -> Placement.moveAndReopen(torrent, staging, tracked.target, tracked.target));
      Files.deleteIfExists(resume);
    } catch (IOException | RuntimeException e) {
      synchronized (this) {
        tracked.state = DistributionState.FAILED;
      }
      report(tracked, DistributionState.FAILED, null, "installing failed: " + e.getMessage());
      return;
    }
    finishInstall(tracked, torrent);
  }

  /** Runs the hook, reports completion, and marks the release installed for later restarts. */
  private void finishInstall(Tracked tracked, Metainfo torrent) {
    ReleaseAssignment release = tracked.release;
    try {
      Integer exit = null;
      if (hook.isPresent()) {
        exit =
            hook.get()
                .run(
                    tracked.target,
                    release.name(),
                    release.version(),
                    release.channel(),
                    torrent.infoHash().toHex());
      }
      synchronized (this) {
        tracked.state = DistributionState.COMPLETED;
      }
      log.accept("installed " + release.name() + " " + release.version() + " in " + tracked.target);
      if (report(
          tracked,
          DistributionState.COMPLETED,
          exit,
          exit == null || exit == 0 ? null : "post-install hook exited with " + exit)) {
        Files.createDirectories(settings.stateDir());
        Files.writeString(installedMarker(torrent), release.releaseId() + "\n");
      }
    } catch (IOException | RuntimeException e) {
      synchronized (this) {
        tracked.state = DistributionState.FAILED;
      }
      report(tracked, DistributionState.FAILED, null, "installing failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code <target>/<channel>/<name>-<version>}, refusing names that would climb out of it. */
  Path releaseFolder(ReleaseAssignment release) {
    Path folder = settings.targetDir().toAbsolutePath().normalize();
    for (String component : release.channel().split("/")) {
      folder = folder.resolve(safe(component));
    }
    return folder.resolve(safe(release.name() + "-" + release.version()));
  }

  private static String safe(String component) {
    if (component.isEmpty()
        || component.equals(".")
        || component.equals("..")
        || component.contains("/")
        || component.contains("\\")
        || component.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("unsafe path component '" + component + "'");
    }
    return component;
  }

  /** Written once the hook ran and the server took the completion report. */
  private Path installedMarker(Metainfo torrent) {
    return settings.stateDir().resolve(torrent.infoHash().toHex() + ".installed");
  }

  /** Sends a report; answers whether the server took it. */
  private boolean report(
      Tracked tracked, DistributionState state, Integer hookExit, String message) {
    if (agentId < 0) {
      return false;
    }
    SessionStats stats = tracked.session == null ? null : tracked.session.stats();
    DistributionReport report =
        new DistributionReport(
            tracked.release.releaseId(),
            state,
            stats == null ? 0 : stats.bytesFromPeers(),
            stats == null ? 0 : stats.bytesFromWebSeed(),
            Duration.ofNanos(System.nanoTime() - tracked.startedNanos).toMillis(),
            hookExit,
            message);
    try {
      server.report(agentId, report);
      return true;
    } catch (IOException | RuntimeException e) {
      log.accept("reporting " + state + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  /**
   * Keeps the newest {@code keep.versions} installed versions of each release name in each channel;
   * older ones past the retention period stop seeding and are deleted.
   */
  private void applyRetention() {
    Map<String, List<Tracked>> byName = new HashMap<>();
    for (Tracked tracked : releases.values()) {
      if (tracked.state == DistributionState.COMPLETED) {
        byName
            .computeIfAbsent(
                tracked.release.channel() + "/" + tracked.release.name(), k -> new ArrayList<>())
            .add(tracked);
      }
    }
    Instant cutoff = Instant.now().minus(settings.retention());
    for (List<Tracked> versions : byName.values()) {
      versions.sort(Comparator.comparingLong((Tracked t) -> t.release.releaseId()).reversed());
      for (Tracked old :
          versions.subList(Math.min(settings.keepVersions(), versions.size()), versions.size())) {
        try {
          if (Files.getLastModifiedTime(old.target).toInstant().isBefore(cutoff)) {
            agent.remove(old.session);
            deleteTree(old.target);
            old.state = DistributionState.FAILED;
            log.accept("retention: removed " + old.target);
          }
        } catch (IOException e) {
          log.accept("retention could not remove " + old.target + ": " + e.getMessage());
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private void writeStatus() {
    try {
      status.write(
          agent.listenPort(), agent.sessions().stream().map(TorrentSession::stats).toList());
    } catch (IOException e) {
      log.accept("writing the status file failed: " + e.getMessage());
    }
  }

  private SessionListener logTo(ReleaseAssignment release) {
    return new SessionListener() {
      @Override
      public void log(TorrentSession session, String message) {
        log.accept(release.name() + " " + release.version() + ": " + message);
      }
    };
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
