package org.everseed.application.tracker;

import java.util.HashMap;
import java.util.Map;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.domain.model.tracking.SwarmStatistics;

/**
 * Remembers the figures last written to the snapshot table and tells which changed, so that each
 * snapshot writes only the swarms that moved (and zeroes the ones that disappeared).
 */
public final class SwarmStatisticsChanges {
  private Map<InfoHash, SwarmStatistics> written = Map.of();

  /** The entries of {@code now} that differ from the last call, plus zeros for vanished ones. */
  public synchronized Map<InfoHash, SwarmStatistics> since(Map<InfoHash, SwarmStatistics> now) {
    Map<InfoHash, SwarmStatistics> changed = new HashMap<>();
    now.forEach(
        (infoHash, statistics) -> {
          if (!statistics.equals(written.get(infoHash))) {
            changed.put(infoHash, statistics);
          }
        });
    written.forEach(
        (infoHash, before) -> {
          if (!now.containsKey(infoHash)) {
            changed.put(infoHash, new SwarmStatistics(0, 0, before.completed()));
          }
        });
    written = Map.copyOf(now);
    return changed;
  }

  /** Forgets what was written (after a failed write, so the next snapshot writes everything). */
  public synchronized void reset() {
    written = Map.of();
  }
}
