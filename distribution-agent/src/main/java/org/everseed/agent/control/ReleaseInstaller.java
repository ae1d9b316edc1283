package org.everseed.agent.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.everseed.agent.Agent;
import org.everseed.agent.storage.DiskSpace;
import org.everseed.agent.storage.FileStorage;
import org.everseed.agent.storage.Placement;
import org.everseed.agent.swarm.SessionListener;
import org.everseed.agent.swarm.SwarmAccess;
import org.everseed.agent.swarm.TorrentSession;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.rest.agent.DistributionState;
import org.everseed.api.rest.agent.ReleaseAssignment;

/**
 * Brings one release into place: fetches its torrent and checks it is the release's info-hash,
 * checks free disk space, downloads it into a staging folder (every piece verified by the session),
 * moves it atomically into its release folder, runs the post-install hook, reports completion and
 * writes the installed marker. A release folder found from an earlier run is checked piece by
 * piece, repaired if it does not verify, and seeded; the hook and the report wait for every piece
 * to verify. Folders of the older {@code <name>-<version>} layout are moved first.
 */
final class ReleaseInstaller {

  private final ReleasePaths paths;
  private final Agent agent;
  private final ServerClient server;
  private final Optional<PostInstallHook> hook;
  private final Reporter reporter;
  private final Executor executor;
  private final Consumer<String> log;

  ReleaseInstaller(
      ReleasePaths paths,
      Agent agent,
      ServerClient server,
      Optional<PostInstallHook> hook,
      Reporter reporter,
      Executor executor,
      Consumer<String> log) {
    this.paths = paths;
    this.agent = agent;
    this.server = server;
    this.hook = hook;
    this.reporter = reporter;
    this.executor = executor;
    this.log = log;
  }

  /**
   * Takes a new release up; the download and the install go on in the background.
   *
   * @return the release as tracked from now on, empty if it cannot be placed at all (its names
   *     would climb out of the target folder)
   */
  Optional<TrackedRelease> begin(ReleaseAssignment release) throws InterruptedException {
    Path target;
    try {
      target = paths.releaseFolder(release);
    } catch (IllegalArgumentException e) {
      log.accept("ignoring release " + release.releaseId() + ": " + e.getMessage());
      return Optional.empty();
    }
    TrackedRelease tracked = new TrackedRelease(release, target);
    try {
      Metainfo torrent = fetchTorrent(release);
      migrateLegacyFolder(release, torrent, target);
      if (Files.exists(target)) {
        reinstate(tracked, torrent);
        return Optional.of(tracked);
      }
      DiskSpace.requireFree(paths.downloadDir(), torrent.totalLength());
      Path staging = paths.staging(torrent.infoHash());
      Path resume = paths.resumeFile(torrent.infoHash());
      tracked.attach(agent.download(torrent, staging, resume, logTo(tracked), access(release)));
      reporter.report(tracked, DistributionState.STARTED, null, null);
      tracked
          .session()
          .orElseThrow()
          .completion()
          .thenAcceptAsync(session -> place(tracked, torrent, staging, resume), executor);
    } catch (IOException | RuntimeException e) {
      log.accept("release " + tracked.label() + " failed: " + e.getMessage());
      reporter.report(tracked, DistributionState.FAILED, null, e.getMessage());
    }
    return Optional.of(tracked);
  }

  /** Private channels (the default) get fleet peers over TLS only. */
  private SwarmAccess access(ReleaseAssignment release) {
    SwarmAccess access = SwarmAccess.of(release.openToStandardClients());
    if (access == SwarmAccess.FLEET_ONLY && !agent.hasFleetIdentity()) {
      log.accept(
          "release "
              + release.releaseId()
              + ": channel "
              + release.channel()
              + " is closed to standard clients and this agent has no fleet identity yet"
              + " (no TLS), so it takes no peers and fetches from the web seed only");
    }
    return access;
  }

  /**
   * A release folder found from an earlier run (a restart) is never trusted: every piece is checked
   * against the torrent before anything counts it installed. Intact, it is seeded, and whatever was
   * still owed (hook, report) is done. Otherwise (a file changed, cut, extended or gone) the marker
   * goes, the bad pieces are fetched again into place, and only once every piece verifies does the
   * hook run and {@code COMPLETED} go out.
   */
  private void reinstate(TrackedRelease tracked, Metainfo torrent)
      throws IOException, InterruptedException {
    Path target = tracked.target();
    boolean sizesRight = FileStorage.filesPresent(torrent, target);
    reportStrayFiles(tracked, torrent);
    TorrentSession session =
        agent.repair(torrent, target, logTo(tracked), access(tracked.release()));
    tracked.attach(session);
    Path marker = paths.installedMarker(torrent.infoHash());
    if (sizesRight && session.piecesFoundOnDisk() == torrent.pieceCount()) {
      if (Files.exists(marker)) {
        tracked.moveTo(DistributionState.COMPLETED);
      } else {
        // The agent stopped between placing the release and reporting it.
        executor.execute(() -> finish(tracked, torrent));
      }
      return;
    }
    log.accept(
        "release folder "
            + target
            + " failed verification ("
            + session.piecesFoundOnDisk()
            + " of "
            + torrent.pieceCount()
            + " pieces intact"
            + (sizesRight ? "" : ", file sizes wrong")
            + "): fetching the rest again before the hook runs");
    Files.deleteIfExists(marker);
    reporter.report(tracked, DistributionState.STARTED, null, null);
    session.completion().thenAcceptAsync(done -> finish(tracked, torrent), executor);
  }

  /** Files in the release folder that are not the torrent's are left alone, but said. */
  private void reportStrayFiles(TrackedRelease tracked, Metainfo torrent) throws IOException {
    Set<Path> expected = new HashSet<>(FileStorage.pathsBelow(torrent, tracked.target()));
    try (Stream<Path> found = Files.walk(tracked.target())) {
      found
          .filter(Files::isRegularFile)
          .filter(path -> !expected.contains(path))
          .limit(10)
          .forEach(
              path ->
                  log.accept(
                      tracked.label() + ": " + path + " is not part of the release (left alone)"));
    }
  }

  /**
   * Moves a release placed by an agent before issue 14 at {@code <channel>/<name>-<version>} to
   * {@code <channel>/<name>/<version>}, if its files are the torrent's by name and size (that name
   * may belong to another release: {@code erp-server 2.4.1} and {@code erp server-2.4.1} shared
   * it). What was moved is then checked piece by piece like any folder found on disk.
   */
  private void migrateLegacyFolder(ReleaseAssignment release, Metainfo torrent, Path target)
      throws IOException {
    Path legacy = paths.legacyFolder(release);
    if (Files.exists(target)
        || !Files.isDirectory(legacy)
        || !FileStorage.filesPresent(torrent, legacy)) {
      return;
    }
    Files.createDirectories(target.getParent());
    Files.move(legacy, target, StandardCopyOption.ATOMIC_MOVE);
    log.accept("moved " + legacy + " to " + target + " (release folders are <name>/<version> now)");
  }

  private Metainfo fetchTorrent(ReleaseAssignment release)
      throws IOException, InterruptedException {
    Metainfo torrent = Metainfo.parse(server.torrent(release.torrentUrl()));
    if (!torrent.infoHash().toHex().equalsIgnoreCase(release.infoHash())) {
      throw new IOException(
          "the torrent's info-hash "
              + torrent.infoHash()
              + " is not the release's "
              + release.infoHash());
    }
    return torrent;
  }

  /** Moves the verified download from staging into the release folder, then finishes. */
  private void place(TrackedRelease tracked, Metainfo torrent, Path staging, Path resume) {
    try {
      tracked
          .session()
          .orElseThrow()
          .relocate(
              current ->
                  Placement.moveAndReopen(torrent, staging, tracked.target(), tracked.target()));
      Files.deleteIfExists(resume);
    } catch (IOException | RuntimeException e) {
      failed(tracked, e);
      return;
    }
    finish(tracked, torrent);
  }

  /** Runs the hook, reports completion, and marks the release installed for later restarts. */
  private void finish(TrackedRelease tracked, Metainfo torrent) {
    ReleaseAssignment release = tracked.release();
    try {
      Integer exit = null;
      if (hook.isPresent()) {
        exit =
            hook.get()
                .run(
                    tracked.target(),
                    release.name(),
                    release.version(),
                    release.channel(),
                    torrent.infoHash().toHex());
      }
      log.accept("installed " + tracked.label() + " in " + tracked.target());
      String message = exit == null || exit == 0 ? null : "post-install hook exited with " + exit;
      if (reporter.report(tracked, DistributionState.COMPLETED, exit, message)) {
        Files.createDirectories(paths.stateDir());
        Files.writeString(paths.installedMarker(torrent.infoHash()), release.releaseId() + "\n");
      }
    } catch (IOException | RuntimeException e) {
      failed(tracked, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void failed(TrackedRelease tracked, Exception e) {
    reporter.report(
        tracked, DistributionState.FAILED, null, "installing failed: " + e.getMessage());
  }

  private SessionListener logTo(TrackedRelease tracked) {
    return new SessionListener() {
      @Override
      public void log(TorrentSession session, String message) {
        log.accept(tracked.label() + ": " + message);
      }
    };
  }
}
