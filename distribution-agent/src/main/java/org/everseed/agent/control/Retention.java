package org.everseed.agent.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.everseed.agent.swarm.TorrentSession;
import org.everseed.api.rest.agent.DistributionState;

/**
 * Keeps the newest {@code keep.versions} installed versions of each release name in each channel
 * (newest by release id); older ones whose folder is older than the retention period stop seeding
 * and are deleted.
 */
final class Retention {

  /** The versions of one release name in one channel: compared as a pair, never as a string. */
  private record Line(String channel, String name) {}

  private final int keepVersions;
  private final Duration retention;
  private final Consumer<TorrentSession> stopSeeding;
  private final Clock clock;
  private final Consumer<String> log;

  Retention(
      int keepVersions,
      Duration retention,
      Consumer<TorrentSession> stopSeeding,
      Clock clock,
      Consumer<String> log) {
    this.keepVersions = keepVersions;
    this.retention = retention;
    this.stopSeeding = stopSeeding;
    this.clock = clock;
    this.log = log;
  }

  /** Removes what is past retention among {@code releases}; removed ones end {@code FAILED}. */
  void apply(Collection<TrackedRelease> releases) {
    Map<Line, List<TrackedRelease>> byName = new HashMap<>();
    for (TrackedRelease tracked : releases) {
      if (tracked.state() == DistributionState.COMPLETED) {
        byName
            .computeIfAbsent(
                new Line(tracked.release().channel(), tracked.release().name()),
                k -> new ArrayList<>())
            .add(tracked);
      }
    }
    Instant cutoff = clock.instant().minus(retention);
    for (List<TrackedRelease> versions : byName.values()) {
      versions.sort(
          Comparator.comparingLong((TrackedRelease t) -> t.release().releaseId()).reversed());
      for (TrackedRelease old :
          versions.subList(Math.min(keepVersions, versions.size()), versions.size())) {
        try {
          if (Files.getLastModifiedTime(old.target()).toInstant().isBefore(cutoff)) {
            old.session().ifPresent(stopSeeding);
            deleteTree(old.target());
            old.moveTo(DistributionState.FAILED);
            log.accept("retention: removed " + old.target());
          }
        } catch (IOException e) {
          log.accept("retention could not remove " + old.target() + ": " + e.getMessage());
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
}
