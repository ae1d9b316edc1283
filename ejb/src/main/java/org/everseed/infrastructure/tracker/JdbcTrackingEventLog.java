package org.everseed.infrastructure.tracker;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.everseed.domain.model.tracking.TrackingEvent;
import org.everseed.domain.model.tracking.TrackingEventLog;
import org.everseed.domain.model.tracking.TransferCounters;

/**
 * Writes one audit batch in one transaction (the container's), with JDBC batches: events are
 * appended to {@code tracker_event}, counters upserted into {@code tracker_transfer}.
 */
@Stateless
public class JdbcTrackingEventLog implements TrackingEventLog {

  private static final String INSERT_EVENT =
      "insert into tracker_event (occurred_at, passkey, agent_id, username, site, info_hash,"
          + " event, peer_id, ip, port, uploaded, downloaded, left_bytes)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String UPSERT_TRANSFER =
      "insert into tracker_transfer (passkey, info_hash, uploaded, downloaded, left_bytes,"
          + " announces, first_announce_at, last_announce_at) values (?, ?, ?, ?, ?, ?, ?, ?)"
          + " on conflict (passkey, info_hash) do update set uploaded = excluded.uploaded,"
          + " downloaded = excluded.downloaded, left_bytes = excluded.left_bytes,"
          + " announces = tracker_transfer.announces + excluded.announces,"
          + " last_announce_at = excluded.last_announce_at";

  @Resource(lookup = "java:jboss/datasources/EverseedDS")
  DataSource dataSource;

  @Override
  public void store(List<TrackingEvent> events, Collection<TransferCounters> transfers) {
    try (Connection c = dataSource.getConnection()) {
      if (!events.isEmpty()) {
        try (PreparedStatement ps = c.prepareStatement(INSERT_EVENT)) {
          for (TrackingEvent e : events) {
            ps.setTimestamp(1, Timestamp.from(e.occurredAt()));
            ps.setString(2, e.account().passkey().value());
            if (e.account().agentId().isPresent()) {
              ps.setLong(3, e.account().agentId().get());
            } else {
              ps.setNull(3, Types.BIGINT);
            }
            ps.setString(4, e.account().username().orElse(null));
            ps.setString(5, e.account().site().name());
            ps.setString(6, e.infoHash().toHex());
            ps.setString(7, e.event().name());
            ps.setString(8, e.peerIdHex());
            ps.setString(9, e.ip());
            ps.setInt(10, e.port());
            ps.setLong(11, e.uploaded());
            ps.setLong(12, e.downloaded());
            ps.setLong(13, e.left());
            ps.addBatch();
          }
          ps.executeBatch();
        }
      }
      if (!transfers.isEmpty()) {
        try (PreparedStatement ps = c.prepareStatement(UPSERT_TRANSFER)) {
          for (TransferCounters t : transfers) {
            Timestamp at = Timestamp.from(t.lastAnnounceAt());
            ps.setString(1, t.passkey().value());
            ps.setString(2, t.infoHash().toHex());
            ps.setLong(3, t.uploaded());
            ps.setLong(4, t.downloaded());
            ps.setLong(5, t.left());
            ps.setLong(6, t.announces());
            ps.setTimestamp(7, at);
            ps.setTimestamp(8, at);
            ps.addBatch();
          }
          ps.executeBatch();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store tracker audit batch: " + e.getMessage(), e);
    }
  }
}
