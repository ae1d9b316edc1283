package org.everseed.container;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.application.catalog.CatalogChanged;
import org.everseed.application.catalog.DuplicateReleaseException;
import org.everseed.application.publishing.PublishDeniedException;
import org.everseed.application.publishing.PublishRequest;
import org.everseed.application.publishing.PublishingService;
import org.everseed.application.publishing.StagedUpload;
import org.everseed.application.publishing.Upload;
import org.everseed.application.publishing.UploadRejectedException;
import org.everseed.container.support.AsPublisher;
import org.everseed.container.support.Deployments;
import org.everseed.domain.model.release.Release;
import org.everseed.domain.settings.StorageSettings;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The publishing service in the container with its payload store on disk and PostgreSQL: one pass
 * from upload to release, the payload moved into place under its info-hash, the audit rows written
 * in the same transaction, and every failure leaving no staged file behind.
 */
@ExtendWith(ArquillianExtension.class)
class PublishingServiceIT {
  @Deployment
  static WebArchive deployment() {
    return Deployments.base("publishing")
        .addPackage("org.everseed.application.publishing")
        .addPackage("org.everseed.application.audit")
        .addClass(CatalogChanged.class)
        .addPackage("org.everseed.infrastructure.storage");
  }

  @EJB PublishingService publishing;
  @EJB AsPublisher publisher;
  @Inject StorageSettings storage;

  @Resource(lookup = "java:jboss/datasources/EverseedDS")
  DataSource database;

  @Test
  void aTwoFileUploadBecomesAReleaseStoredUnderItsInfoHashAndAudited() throws Exception {
    String channel = "container/" + unique();
    byte[] first = ("first " + unique()).getBytes(UTF_8);
    byte[] second = new byte[70_000];
    second[69_999] = 7;

    Release release =
        publisher.call(() -> publish(channel, "tools-1.0", "a.txt", first, "b/c.bin", second));

    Path folder = storage.payloadDir().resolve(release.infoHash().toHex());
    assertArrayEquals(first, Files.readAllBytes(folder.resolve("tools-1.0/a.txt")));
    assertArrayEquals(second, Files.readAllBytes(folder.resolve("tools-1.0/b/c.bin")));
    assertEquals(release.infoHash(), Metainfo.parse(release.torrent()).infoHash());
    assertEquals(List.of("a.txt", "b/c.bin"), release.files().stream().map(f -> f.path()).toList());
    assertEquals(List.of(), staged(), "nothing is left in the staging area");
    assertEquals(
        List.of("CHANNEL_CREATED by alice", "RELEASE_PUBLISHED by alice"),
        auditedFor(List.of("channel:" + channel, "release:" + release.id())));
  }

  @Test
  void theSameContentTwiceIsRefusedAndItsUploadDeleted() throws Exception {
    byte[] content = ("twice " + unique()).getBytes(UTF_8);
    Release original =
        publisher.call(
            () -> publish("container/" + unique(), "x", "same.bin", content, null, null));

    DuplicateReleaseException refused =
        assertThrows(
            DuplicateReleaseException.class,
            () ->
                publisher.call(
                    () -> publish("container/" + unique(), "x", "same.bin", content, null, null)));

    assertEquals(original.id(), refused.existing());
    assertEquals(List.of(), staged(), "the refused upload's files are gone");
    assertTrue(Files.isDirectory(storage.payloadDir().resolve(original.infoHash().toHex())));
  }

  @Test
  void anUploadOverTheLimitIsRefusedBeforeAnythingIsStaged() throws Exception {
    List<Path> before = staged();
    UploadRejectedException refused =
        assertThrows(
            UploadRejectedException.class,
            () ->
                publisher.call(
                    () ->
                        publishing.beginUpload(
                            (32L << 20) + 1, Optional.empty(), Optional.empty())));
    assertEquals(UploadRejectedException.Reason.TOO_LARGE, refused.reason());
    assertEquals(before, staged());
  }

  @Test
  void aChannelRestrictedToAnotherRoleRefusesThePublisherAndTheRefusalIsAudited() throws Exception {
    String channel = "container/restricted-" + unique();
    try (Connection c = database.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "with created as (insert into channel (name) values (?) returning id)"
                    + " insert into channel_publisher (channel_id, role, granted_by)"
                    + " select id, 'team-nobody-has', 'test' from created")) {
      ps.setString(1, channel);
      ps.executeUpdate();
    }
    byte[] content = ("refused " + unique()).getBytes(UTF_8);

    PublishDeniedException refused =
        assertThrows(
            PublishDeniedException.class,
            () ->
                publisher.call(
                    () -> publish(channel + "/below", "x", "x.bin", content, null, null)));

    assertTrue(refused.getMessage().contains("team-nobody-has"), refused.getMessage());
    assertEquals(List.of(), staged(), "the refused upload's files are gone");
    assertEquals(
        List.of("PUBLISH_DENIED by alice"),
        auditedFor(List.of("channel:" + channel + "/below")),
        "the refusal's audit row commits although the publish failed");
  }

  @Test
  void publishingNeedsThePublisherRole() {
    assertThrows(
        EJBAccessException.class,
        () -> publishing.beginUpload(1, Optional.empty(), Optional.empty()));
  }

  private Release publish(
      String channel, String folder, String name1, byte[] body1, String name2, byte[] body2)
      throws Exception {
    StagedUpload staged;
    try (Upload upload = publishing.beginUpload(-1, Optional.empty(), Optional.empty())) {
      upload.addFile(name1, new ByteArrayInputStream(body1));
      if (name2 != null) {
        upload.addFile(name2, new ByteArrayInputStream(body2));
      }
      staged = upload.finish(folder);
    }
    PublishRequest request =
        new PublishRequest(
            Optional.of("tools-" + unique()),
            Optional.of("1.0"),
            Optional.of(channel),
            Optional.empty(),
            Optional.empty(),
            List.of());
    return publishing.publish(staged, request, "alice", "http://127.0.0.1:1");
  }

  private List<Path> staged() throws Exception {
    Path staging = storage.payloadDir().resolve(".staging");
    if (!Files.isDirectory(staging)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(staging)) {
      return entries.sorted().toList();
    }
  }

  private List<String> auditedFor(List<String> targets) throws Exception {
    try (Connection c = database.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select action, actor from audit_event where target = any (?) order by id")) {
      ps.setArray(1, c.createArrayOf("varchar", targets.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        List<String> rows = new java.util.ArrayList<>();
        while (rs.next()) {
          rows.add(rs.getString(1) + " by " + rs.getString(2));
        }
        return rows;
      }
    }
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
