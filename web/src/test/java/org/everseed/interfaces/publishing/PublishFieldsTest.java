package org.everseed.interfaces.publishing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.everseed.application.publishing.PublishRequest;
import org.everseed.domain.model.release.InvalidReleaseException;
import org.everseed.interfaces.publishing.MultipartReader.Part;
import org.junit.jupiter.api.Test;

/** The publish form's fields, read the same for the REST API and the portal. */
class PublishFieldsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

  private final PublishFields fields = new PublishFields();

  @Test
  void textFieldsBecomeThePublishRequestAndEmptyOnesAreGuessedLater() throws IOException {
    fields.accept(field("name", " kernel "), false);
    fields.accept(field("version", ""), false);
    fields.accept(field("kind", "Patch"), false);
    fields.accept(field("tags", "linux, ,security,"), false);

    PublishRequest request = fields.request();
    assertEquals(Optional.of("kernel"), request.name());
    assertEquals(Optional.empty(), request.version());
    assertEquals(Optional.of("PATCH"), request.kind());
    assertEquals(List.of("linux", "security"), request.tags());
  }

  @Test
  void anUnknownKindIsTheKindFieldsFault() {
    // Regression (issue 19): the REST API passed the kind through unchecked and answered 400
    // without naming the field, where the portal named it.
    InvalidReleaseException e =
        assertThrows(
            InvalidReleaseException.class, () -> fields.accept(field("kind", "movie"), false));
    assertEquals("kind", e.field());
  }

  @Test
  void anUnknownFieldIsRefusedByName() {
    InvalidReleaseException e =
        assertThrows(
            InvalidReleaseException.class, () -> fields.accept(field("colour", "red"), false));
    assertEquals("colour", e.field());
  }

  @Test
  void fieldsThatSteerHashingMustComeBeforeTheFiles() throws IOException {
    fields.accept(field("pieceLength", "262144"), false);
    assertEquals(Optional.of(262144), fields.pieceLength());
    InvalidReleaseException late =
        assertThrows(
            InvalidReleaseException.class,
            () -> fields.accept(field("pieceLength", "16384"), true));
    assertEquals("pieceLength", late.field());
    assertTrue(late.getMessage().contains("before the files"));
    fields.accept(field("name", "late but harmless"), true);
  }

  @Test
  void aPieceLengthMustBeANumber() {
    InvalidReleaseException e =
        assertThrows(
            InvalidReleaseException.class,
            () -> fields.accept(field("pieceLength", "256k"), false));
    assertEquals("pieceLength", e.field());
  }

  @Test
  void anImportedTorrentIsKeptUpToItsLimit() throws IOException {
    byte[] torrent = {'d', 'e'};
    fields.accept(file("torrent", "x.torrent", torrent), false);
    assertArrayEquals(torrent, fields.torrent().orElseThrow());
    assertFalse(PublishFields.isPayloadFile(file("torrent", "x.torrent", torrent)));
    assertTrue(PublishFields.isPayloadFile(file("file", "x.bin", torrent)));

    byte[] tooLarge = new byte[PublishFields.MAX_TORRENT + 1];
    InvalidReleaseException e =
        assertThrows(
            InvalidReleaseException.class,
            () -> new PublishFields().accept(file("torrent", "big.torrent", tooLarge), false));
    assertEquals("torrent", e.field());
  }

  @Test
  void theFolderIsGivenOrNamedAfterNameAndVersion() throws IOException {
    fields.accept(field("name", "tools"), false);
    fields.accept(field("version", "2.1"), false);
    assertEquals("tools-2.1", fields.folder("whatever.bin", CLOCK));
    fields.accept(field("folder", "root"), false);
    assertEquals("root", fields.folder("whatever.bin", CLOCK));
  }

  private static Part field(String name, String value) {
    return new Part(
        Map.of("content-disposition", "form-data; name=\"" + name + "\""),
        new ByteArrayInputStream(value.getBytes(UTF_8)));
  }

  private static Part file(String name, String fileName, byte[] body) {
    return new Part(
        Map.of(
            "content-disposition",
            "form-data; name=\"" + name + "\"; filename=\"" + fileName + "\""),
        new ByteArrayInputStream(body));
  }
}
