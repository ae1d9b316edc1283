package org.everseed.infrastructure.tracker;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.domain.model.tracking.SwarmStatistics;
import org.everseed.domain.model.tracking.SwarmStatisticsSnapshots;

/** Upserts swarm figures into {@code swarm_stats}, one JDBC batch per snapshot. */
@Stateless
public class JdbcSwarmStatisticsSnapshots implements SwarmStatisticsSnapshots {
  private static final String UPSERT =
      "insert into swarm_stats (info_hash, seeders, leechers, completed, updated_at)"
          + " values (?, ?, ?, ?, now()) on conflict (info_hash) do update set"
          + " seeders = excluded.seeders, leechers = excluded.leechers,"
          + " completed = excluded.completed, updated_at = excluded.updated_at";

  @Resource(lookup = "java:jboss/datasources/EverseedDS")
  DataSource dataSource;

  @Override
  public void store(Map<InfoHash, SwarmStatistics> statistics) {
    if (statistics.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(UPSERT)) {
      for (Map.Entry<InfoHash, SwarmStatistics> e : statistics.entrySet()) {
        ps.setString(1, e.getKey().toHex());
        ps.setInt(2, (int) Math.min(Integer.MAX_VALUE, e.getValue().seeders()));
        ps.setInt(3, (int) Math.min(Integer.MAX_VALUE, e.getValue().leechers()));
        ps.setLong(4, e.getValue().completed());
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store swarm statistics: " + e.getMessage(), e);
    }
  }
}
