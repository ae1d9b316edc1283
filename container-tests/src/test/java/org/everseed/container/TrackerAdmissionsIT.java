package org.everseed.container;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.everseed.application.catalog.CatalogService;
import org.everseed.application.fleet.AgentService;
import org.everseed.application.publishing.PublishRequest;
import org.everseed.application.publishing.PublishingService;
import org.everseed.application.publishing.StagedUpload;
import org.everseed.application.publishing.Upload;
import org.everseed.application.tracker.TrackerAccess;
import org.everseed.container.support.AsAdmin;
import org.everseed.container.support.AsAgent;
import org.everseed.container.support.AsPublisher;
import org.everseed.container.support.Deployments;
import org.everseed.domain.model.channel.ChannelName;
import org.everseed.domain.model.fleet.AgentRegistration;
import org.everseed.domain.model.release.Release;
import org.everseed.domain.model.tracking.Passkey;
import org.everseed.domain.model.tracking.TrackerAccount;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tracker's cached admissions follow the catalog and the fleet through their CDI events, after
 * the change commits and before the changing call returns. The container's periodic refresh is set
 * to an hour (ContainerEnvironment), so nothing but the events can explain a change seen here.
 */
@ExtendWith(ArquillianExtension.class)
class TrackerAdmissionsIT {
  @Deployment
  static WebArchive deployment() {
    return Deployments.base("admissions")
        .addPackage("org.everseed.application.publishing")
        .addPackage("org.everseed.application.catalog")
        .addPackage("org.everseed.application.fleet")
        .addPackage("org.everseed.application.tracker")
        .addPackage("org.everseed.application.audit")
        .addPackage("org.everseed.infrastructure.storage")
        .addPackage("org.everseed.infrastructure.tracker");
  }

  @EJB PublishingService publishing;
  @EJB CatalogService catalog;
  @EJB AgentService fleet;
  @EJB AsPublisher publisher;
  @EJB AsAgent agent;
  @EJB AsAdmin admin;
  @Inject TrackerAccess tracker;

  @Test
  void publishingAndRetiringChangeTheTrackedTorrentsAtOnce() throws Exception {
    Release release = publisher.call(this::publishOneFile);
    assertTrue(tracker.current().torrents().contains(release.infoHash()), "tracked once published");

    publisher.call(() -> catalog.retire(release.id(), "alice", false, "superseded"));

    assertFalse(
        tracker.current().torrents().contains(release.infoHash()), "forgotten once retired");
  }

  @Test
  void enrolDisableEnableAndRekeyChangeTheAdmittedPasskeysAtOnce() throws Exception {
    AgentRegistration registration =
        new AgentRegistration(
            "agent-" + unique(), "lyon", "1.0", List.of(new ChannelName("container")));
    AgentService.Enrolment enrolled = agent.call(() -> fleet.enrol(registration));
    TrackerAccount account = tracker.current().accounts().get(enrolled.passkey());
    assertEquals(Optional.of(enrolled.agentId().value()), account.agentId());
    assertEquals("lyon", account.site().name());

    admin.call(() -> fleet.disable(enrolled.agentId()));
    assertFalse(admitted(enrolled.passkey()), "a disabled agent's passkey is revoked");

    admin.call(() -> fleet.enable(enrolled.agentId()));
    Passkey afterEnable = agent.call(() -> fleet.enrol(registration)).passkey();
    assertNotEquals(enrolled.passkey(), afterEnable);
    assertTrue(admitted(afterEnable), "an enabled agent gets a new passkey");

    admin.call(() -> fleet.rekey(enrolled.agentId()));
    Passkey afterRekey = agent.call(() -> fleet.enrol(registration)).passkey();
    assertFalse(admitted(afterEnable), "the re-keyed passkey stops at once");
    assertTrue(admitted(afterRekey));
  }

  private boolean admitted(Passkey passkey) {
    TrackerAccount account = tracker.current().accounts().get(passkey);
    return account != null && account.enabled();
  }

  private Release publishOneFile() throws Exception {
    StagedUpload staged;
    try (Upload upload = publishing.beginUpload(-1, Optional.empty(), Optional.empty())) {
      upload.addFile("notes.txt", new ByteArrayInputStream(("notes " + unique()).getBytes(UTF_8)));
      staged = upload.finish("notes");
    }
    PublishRequest request =
        new PublishRequest(
            Optional.of("notes-" + unique()),
            Optional.of("1.0"),
            Optional.of("container/tracker"),
            Optional.empty(),
            Optional.empty(),
            List.of());
    return publishing.publish(staged, request, "alice", "http://127.0.0.1:1");
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
