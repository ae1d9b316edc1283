package org.everseed.application.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.domain.model.tracking.SwarmStatistics;
import org.junit.jupiter.api.Test;

class SwarmStatisticsChangesTest {
  static final InfoHash A = InfoHash.fromHex("aa".repeat(20));
  static final InfoHash B = InfoHash.fromHex("bb".repeat(20));

  @Test
  void writesOnlyWhatMovedAndZeroesVanishedSwarmsKeepingCompletions() {
    SwarmStatisticsChanges changes = new SwarmStatisticsChanges();
    Map<InfoHash, SwarmStatistics> first =
        Map.of(A, new SwarmStatistics(1, 2, 3), B, new SwarmStatistics(4, 5, 6));
    assertEquals(first, changes.since(first));
    assertEquals(Map.of(), changes.since(first));
    assertEquals(
        Map.of(A, new SwarmStatistics(2, 1, 4), B, new SwarmStatistics(0, 0, 6)),
        changes.since(Map.of(A, new SwarmStatistics(2, 1, 4))));
  }

  @Test
  void afterResetEverythingIsWrittenAgain() {
    SwarmStatisticsChanges changes = new SwarmStatisticsChanges();
    Map<InfoHash, SwarmStatistics> now = Map.of(A, new SwarmStatistics(1, 0, 0));
    changes.since(now);
    changes.reset();
    assertEquals(now, changes.since(now));
  }
}
