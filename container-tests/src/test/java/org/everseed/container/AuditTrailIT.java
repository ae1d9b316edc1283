package org.everseed.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.everseed.application.ChannelService;
import org.everseed.application.audit.AuditService;
import org.everseed.application.audit.AuditTrail;
import org.everseed.container.support.AsAuditor;
import org.everseed.container.support.AsPublisher;
import org.everseed.container.support.Deployments;
import org.everseed.domain.model.audit.AuditAction;
import org.everseed.domain.model.audit.AuditEvent;
import org.everseed.domain.model.audit.AuditQuery;
import org.everseed.domain.model.channel.ChannelName;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail in the container: rows written in the acting service's transaction (committed and
 * rolled back with it), refused by the database when anyone tries to change or remove them, and
 * readable by auditors only.
 */
@ExtendWith(ArquillianExtension.class)
class AuditTrailIT {
  @Deployment
  static WebArchive deployment() {
    return Deployments.base("audit")
        .addPackage("org.everseed.application.audit")
        .addClass(ChannelService.class);
  }

  @EJB ChannelService channels;
  @EJB AuditService trail;
  @EJB AsPublisher publisher;
  @EJB AsAuditor auditor;
  @Inject AuditTrail audit;
  @Resource UserTransaction transaction;

  @Resource(lookup = "java:jboss/datasources/EverseedDS")
  DataSource database;

  @Test
  void anActionIsAuditedInItsOwnTransactionAndTheRowCannotChange() throws Exception {
    String name = "audited-" + unique();
    publisher.call(() -> channels.createChannel(new ChannelName(name), "for the audit test"));

    List<AuditEvent> found =
        auditor.call(
            () ->
                trail
                    .search(
                        new AuditQuery(
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.of(AuditAction.CHANNEL_CREATED),
                            0,
                            AuditQuery.MAX_SIZE))
                    .items());
    AuditEvent created =
        found.stream().filter(e -> e.target().equals("channel:" + name)).findFirst().orElseThrow();
    assertEquals("for the audit test", created.details().get("description"));

    assertRefused("update audit_event set actor = 'mallory' where id = " + created.id());
    assertRefused("delete from audit_event where id = " + created.id());
    assertRefused("truncate audit_event");
    assertEquals(1, rows("channel:" + name), "the row is still there, unchanged");
  }

  @Test
  void aRolledBackActionLeavesNoAuditRow() throws Exception {
    String target = "channel:rolled-back-" + unique();
    transaction.begin();
    audit.record("alice", AuditAction.CHANNEL_CREATED, target, "by", "test");
    transaction.rollback();
    assertEquals(0, rows(target));

    transaction.begin();
    audit.record("alice", AuditAction.CHANNEL_CREATED, target, "by", "test");
    transaction.commit();
    assertEquals(1, rows(target));
  }

  @Test
  void onlyAuditorsAndAdminsReadTheTrail() {
    AuditQuery any =
        new AuditQuery(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, 10);
    assertThrows(EJBAccessException.class, () -> trail.search(any));
    assertThrows(EJBAccessException.class, () -> publisher.call(() -> trail.search(any)));
  }

  private void assertRefused(String sql) throws SQLException {
    try (Connection c = database.getConnection();
        Statement st = c.createStatement()) {
      SQLException refused = assertThrows(SQLException.class, () -> st.execute(sql), sql);
      assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
    }
  }

  private int rows(String target) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select count(*) from audit_event where target = ?")) {
      ps.setString(1, target);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
