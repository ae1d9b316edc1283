package org.everseed.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.everseed.application.reporting.AgentHoldings;
import org.everseed.application.reporting.AgentRollout;
import org.everseed.application.reporting.ReleaseRollout;
import org.everseed.application.reporting.ReportService;
import org.everseed.application.reporting.RolloutState;
import org.everseed.application.reporting.Traffic;
import org.everseed.container.support.AsAuditor;
import org.everseed.container.support.Deployments;
import org.everseed.domain.model.distribution.DistributionRecord.State;
import org.everseed.domain.model.fleet.AgentId;
import org.everseed.domain.model.release.ReleaseId;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The report SQL against PostgreSQL, through the reporting service: who a release targets (active
 * agents subscribed to its channel or a parent, plus any agent that reported or completed at the
 * tracker), each agent's latest report, the tracker's first completion for agents that never
 * reported, and an agent's history with its failure count. Rows are written straight into the
 * tables, as agents and the tracker would have left them.
 */
@ExtendWith(ArquillianExtension.class)
class ReportQueriesIT {
  private static final Instant PUBLISHED = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @Deployment
  static WebArchive deployment() {
    return Deployments.base("reports").addPackage("org.everseed.application.reporting");
  }

  @EJB ReportService reports;
  @EJB AsAuditor auditor;

  @Resource(lookup = "java:jboss/datasources/EverseedDS")
  DataSource database;

  @Test
  void aReleaseReportTargetsSubscribersAndCountsTheLatestReportOrTheTracker() throws Exception {
    String u = UUID.randomUUID().toString().substring(0, 8);
    String infoHash = HexFormat.of().formatHex(randomBytes(20));
    long release;
    long onParent;
    long onChannel;
    long elsewhere;
    long silent;
    try (Connection c = database.getConnection()) {
      long channel =
          insert(c, "insert into channel (name) values (?) returning id", "rep-" + u + "/linux");
      release =
          insert(
              c,
              "insert into release (channel_id, name, version, kind, info_hash, piece_length,"
                  + " total_size, torrent, payload_path, publisher, created_at)"
                  + " values (?, 'erp', '2.4', 'APPLICATION', ?, 16384, 10, '\\x00', ?, 'alice', ?)"
                  + " returning id",
              channel,
              infoHash,
              infoHash,
              Timestamp.from(PUBLISHED));
      onParent = agent(c, "a-" + u, "lyon", "rep-" + u, "ACTIVE");
      onChannel = agent(c, "b-" + u, "paris", "rep-" + u + "/linux", "ACTIVE");
      elsewhere = agent(c, "c-" + u, "berlin", "other", "ACTIVE");
      silent = agent(c, "e-" + u, "lyon", "rep-" + u + "/linux,other", "ACTIVE");
      agent(c, "d-" + u, "lyon", "rep-" + u, "DISABLED");
      agent(c, "f-" + u, "lyon", "rep-" + u + "/linux-other", "ACTIVE");

      report(c, onParent, release, State.STARTED, 0, 0, 10);
      report(c, onParent, release, State.COMPLETED, 300, 100, 60);
      report(c, onChannel, release, State.FAILED, 0, 0, 30);
      report(c, onChannel, release, State.PROGRESS, 20, 5, 90);
      report(c, elsewhere, release, State.COMPLETED, 0, 50, 120);
      completedAtTracker(c, silent, infoHash, 80);
      completedAtTracker(c, silent, infoHash, 45);
    }

    ReleaseRollout rollout = auditor.call(() -> reports.releaseReport(new ReleaseId(release)));

    assertEquals(
        List.of(
            "c-" + u + " COMPLETED",
            "a-" + u + " COMPLETED",
            "e-" + u + " COMPLETED",
            "b-" + u + " PROGRESS"),
        rollout.agents().stream().map(a -> a.name() + " " + a.state()).toList(),
        "targeted agents by site and name: no disabled agent, no look-alike channel");
    AgentRollout atTracker = rollout.agents().get(2);
    assertEquals(Optional.of(Duration.ofSeconds(45)), atTracker.timeToComplete());
    assertEquals(Traffic.NONE, atTracker.traffic());
    assertEquals(4, rollout.targeted());
    assertEquals(3, rollout.completed());
    assertEquals(1, rollout.inProgress());
    assertEquals(0, rollout.failed());
    assertEquals(new Traffic(320, 155), rollout.traffic());
    assertEquals(Optional.of(Duration.ofSeconds(60)), rollout.milestones().get(0).reachedAfter());
    assertEquals(Optional.empty(), rollout.milestones().get(1).reachedAfter());
    assertEquals(
        List.of("berlin", "lyon", "paris"),
        rollout.sites().stream().map(ReleaseRollout.Site::name).toList());

    AgentHoldings holdings = auditor.call(() -> reports.agentReport(new AgentId(onChannel)));
    assertEquals(1, holdings.releases().size());
    assertEquals(State.PROGRESS, holdings.releases().get(0).state());
    assertEquals(1, holdings.failures());
    assertEquals(0, holdings.held());
    assertEquals(RolloutState.PROGRESS, rollout.agents().get(3).state());
  }

  private static long agent(Connection c, String name, String site, String channels, String status)
      throws SQLException {
    return insert(
        c,
        "insert into agent (name, site, channels, enrolled_by, status) values (?, ?, ?, 'ci', ?)"
            + " returning id",
        name,
        site,
        channels,
        status);
  }

  private static void report(
      Connection c, long agent, long release, State state, long peers, long webSeed, int seconds)
      throws SQLException {
    insert(
        c,
        "insert into distribution_report (agent_id, release_id, state, bytes_from_peers,"
            + " bytes_from_web_seed, duration_ms, reported_at) values (?, ?, ?, ?, ?, 0, ?)"
            + " returning id",
        agent,
        release,
        state.name(),
        peers,
        webSeed,
        Timestamp.from(PUBLISHED.plusSeconds(seconds)));
  }

  private static void completedAtTracker(Connection c, long agent, String infoHash, int seconds)
      throws SQLException {
    insert(
        c,
        "insert into tracker_event (occurred_at, passkey, agent_id, site, info_hash, event,"
            + " peer_id, ip, port, uploaded, downloaded, left_bytes)"
            + " values (?, ?, ?, 'lyon', ?, 'COMPLETED', '-ES0100-000000000000', '127.0.0.1',"
            + " 6881, 0, 10, 0) returning id",
        Timestamp.from(PUBLISHED.plusSeconds(seconds)),
        HexFormat.of().formatHex(randomBytes(16)),
        agent,
        infoHash);
  }

  private static long insert(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        ps.setObject(i + 1, values[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }
}
