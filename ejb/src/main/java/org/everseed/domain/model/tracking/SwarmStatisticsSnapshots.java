package org.everseed.domain.model.tracking;

import java.util.Map;
import org.everseed.api.metainfo.InfoHash;

/**
 * Where the tracker leaves a copy of its swarm figures for queries that need them next to other
 * data (the catalog sorts and pages releases by seeders and completions in one SQL query).
 */
public interface SwarmStatisticsSnapshots {

  /** Stores the figures of these torrents, replacing what was stored for them. */
  void store(Map<InfoHash, SwarmStatistics> statistics);
}
