package org.everseed.infrastructure.tracker;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.domain.model.tracking.Passkey;
import org.everseed.domain.model.tracking.Site;
import org.everseed.domain.model.tracking.TrackerAccount;
import org.everseed.domain.model.tracking.TrackerRegistrations;

/**
 * Reads the tracker's admissions straight from the catalog's and the fleet's tables ({@code
 * passkey}, {@code agent}, {@code release}) and the audit trail, in three bulk queries.
 */
@ApplicationScoped
public class JdbcTrackerRegistrations implements TrackerRegistrations {

  private static final String LIVE_ACCOUNTS =
      "select p.passkey, p.agent_id, p.username,"
          + " coalesce(nullif(p.site, ''), a.site, '') as site,"
          + " coalesce(a.status, 'ACTIVE') as status"
          + " from passkey p left join agent a on a.id = p.agent_id"
          + " where p.revoked_at is null";
  private static final String TRACKED_TORRENTS =
      "select info_hash from release where status = 'ACTIVE'";
  private static final String COMPLETED =
      "select info_hash, count(*) from tracker_event where event = 'COMPLETED' group by info_hash";

  @Resource(lookup = "java:jboss/datasources/EverseedDS")
  DataSource dataSource;

  @Override
  public Map<Passkey, TrackerAccount> liveAccounts() {
    Map<Passkey, TrackerAccount> accounts = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(LIVE_ACCOUNTS);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        var passkey = Passkey.parse(rs.getString(1));
        if (passkey.isEmpty()) {
          continue; // the schema's check forbids it; never let one bad row stop the tracker
        }
        Site site = new Site(rs.getString(4));
        long agentId = rs.getLong(2);
        TrackerAccount account =
            rs.wasNull()
                ? TrackerAccount.user(passkey.get(), rs.getString(3), site)
                : TrackerAccount.agent(
                    passkey.get(), agentId, site, "ACTIVE".equals(rs.getString(5)));
        accounts.put(passkey.get(), account);
      }
      return accounts;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read passkeys: " + e.getMessage(), e);
    }
  }

  @Override
  public Set<InfoHash> trackedTorrents() {
    Set<InfoHash> torrents = new HashSet<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(TRACKED_TORRENTS);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        torrents.add(InfoHash.fromHex(rs.getString(1)));
      }
      return torrents;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read tracked torrents: " + e.getMessage(), e);
    }
  }

  @Override
  public Map<InfoHash, Long> completedDownloads() {
    Map<InfoHash, Long> completed = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(COMPLETED);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        completed.put(InfoHash.fromHex(rs.getString(1)), rs.getLong(2));
      }
      return completed;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read completed downloads: " + e.getMessage(), e);
    }
  }
}
