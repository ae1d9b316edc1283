package org.everseed.application.catalog;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.application.tracker.TrackerAccess;
import org.everseed.application.tracker.TrackerStatistics;
import org.everseed.domain.model.tracking.SwarmStatistics;

/**
 * Copies the tracker's in-memory swarm figures into {@code swarm_stats} every few seconds (only
 * those that changed), so that the catalog can filter, sort and page by seeders and completions in
 * one SQL query. The tracker itself never waits for this.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SwarmFiguresSnapshot {
  private static final System.Logger LOG = System.getLogger(SwarmFiguresSnapshot.class.getName());
  private static final long PERIOD_MILLIS = 5_000;

  @Resource ManagedScheduledExecutorService scheduler;

  @Resource(lookup = "java:jboss/datasources/EverseedDS")
  DataSource dataSource;

  @Inject TrackerAccess access;
  @Inject TrackerStatistics statistics;

  private final Map<InfoHash, SwarmStatistics> written = new HashMap<>();
  private ScheduledFuture<?> task;

  @PostConstruct
  void start() {
    task =
        scheduler.scheduleWithFixedDelay(
            this::safely, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  private void safely() {
    try {
      snapshot();
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "could not write swarm figures: " + e, e);
    }
  }

  /** Writes the figures that changed since the last run; synchronised with itself only. */
  synchronized void snapshot() throws SQLException {
    Map<InfoHash, SwarmStatistics> now = statistics.statisticsOf(access.current().torrents());
    Map<InfoHash, SwarmStatistics> changed = new HashMap<>();
    now.forEach(
        (hash, figures) -> {
          if (!figures.equals(written.get(hash))) {
            changed.put(hash, figures);
          }
        });
    if (changed.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement upsert =
            c.prepareStatement(
                "insert into swarm_stats (info_hash, seeders, leechers, completed, updated_at)"
                    + " values (?, ?, ?, ?, now()) on conflict (info_hash) do update set"
                    + " seeders = excluded.seeders, leechers = excluded.leechers,"
                    + " completed = excluded.completed, updated_at = now()")) {
      for (Map.Entry<InfoHash, SwarmStatistics> e : changed.entrySet()) {
        upsert.setString(1, e.getKey().toHex());
        upsert.setInt(2, (int) Math.min(Integer.MAX_VALUE, e.getValue().seeders()));
        upsert.setInt(3, (int) Math.min(Integer.MAX_VALUE, e.getValue().leechers()));
        upsert.setLong(4, e.getValue().completed());
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
    written.putAll(changed);
  }
}
