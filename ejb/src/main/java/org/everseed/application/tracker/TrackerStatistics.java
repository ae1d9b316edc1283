package org.everseed.application.tracker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.domain.model.tracking.SwarmStatistics;

/**
 * Swarm statistics for other components (the catalog shows them next to each release): seeders and
 * leechers now, completed downloads ever. Reads memory only, so it is cheap to call per page.
 */
@ApplicationScoped
public class TrackerStatistics {
  @Inject Tracker tracker;

  public SwarmStatistics statisticsOf(InfoHash infoHash) {
    return tracker.statistics(infoHash);
  }

  /** Statistics per torrent, in the order asked. */
  public Map<InfoHash, SwarmStatistics> statisticsOf(Collection<InfoHash> infoHashes) {
    Map<InfoHash, SwarmStatistics> result = new LinkedHashMap<>();
    for (InfoHash infoHash : infoHashes) {
      result.put(infoHash, tracker.statistics(infoHash));
    }
    return result;
  }
}
