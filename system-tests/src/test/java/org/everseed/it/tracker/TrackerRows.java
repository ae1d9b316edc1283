package org.everseed.it.tracker;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.system.EverseedSystem;

/**
 * Writes what the catalog and the fleet will write (releases, agents, passkeys) as plain rows, so
 * the tracker can be tested before those components exist.
 */
final class TrackerRows {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  private final EverseedSystem system;

  TrackerRows(EverseedSystem system) {
    this.system = system;
  }

  static InfoHash randomInfoHash() {
    byte[] bytes = new byte[20];
    RANDOM.nextBytes(bytes);
    return InfoHash.of(bytes);
  }

  static String randomPasskey() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HEX.formatHex(bytes);
  }

  /** An active release in the default channel; returns its id. */
  long release(InfoHash infoHash) throws SQLException {
    return insertReturningId(
        "insert into release (channel_id, name, version, kind, info_hash, piece_length,"
            + " total_size, torrent, payload_path, publisher)"
            + " select id, ?, '1.0', 'OTHER', ?, 16384, 0, ?, '/dev/null', 'tracker-it'"
            + " from channel where name = 'default' returning id",
        "it-" + infoHash.toHex(),
        infoHash.toHex(),
        new byte[] {'d', 'e'});
  }

  long agent(String site) throws SQLException {
    return insertReturningId(
        "insert into agent (name, site, enrolled_by) values (?, ?, 'tracker-it') returning id",
        "agent-" + randomPasskey(),
        site);
  }

  /** A live passkey for a new agent at {@code site}. */
  String agentPasskey(String site) throws SQLException {
    long agentId = agent(site);
    String passkey = randomPasskey();
    update(
        "insert into passkey (passkey, agent_id, site) values (?, ?, ?)", passkey, agentId, site);
    return passkey;
  }

  String userPasskey(String username) throws SQLException {
    String passkey = randomPasskey();
    update("insert into passkey (passkey, username) values (?, ?)", passkey, username);
    return passkey;
  }

  void revoke(String passkey) throws SQLException {
    update("update passkey set revoked_at = now() where passkey = ?", passkey);
  }

  void disableAgentOf(String passkey) throws SQLException {
    update(
        "update agent set status = 'DISABLED' where id = (select agent_id from passkey where"
            + " passkey = ?)",
        passkey);
  }

  void retire(InfoHash infoHash) throws SQLException {
    update(
        "update release set status = 'RETIRED', retired_at = now() where info_hash = ?",
        infoHash.toHex());
  }

  long count(String sql, Object... parameters) throws SQLException {
    try (Connection c = system.database().connect();
        PreparedStatement ps = prepare(c, sql, parameters);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private long insertReturningId(String sql, Object... parameters) throws SQLException {
    try (Connection c = system.database().connect();
        PreparedStatement ps = prepare(c, sql, parameters);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void update(String sql, Object... parameters) throws SQLException {
    try (Connection c = system.database().connect();
        PreparedStatement ps = prepare(c, sql, parameters)) {
      ps.executeUpdate();
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... parameters)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      ps.setObject(i + 1, parameters[i]);
    }
    return ps;
  }
}
