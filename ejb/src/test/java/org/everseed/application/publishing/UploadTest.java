package org.everseed.application.publishing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.metainfo.TorrentCreator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadTest {
  private static final int PIECE = 16 * 1024;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  @TempDir Path temp;

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  /** Files whose sizes make pieces straddle file boundaries. */
  private final Map<String, byte[]> files =
      Map.of(
          "bin/app", bytes(40_000, 1),
          "lib/a.jar", bytes(7, 2),
          "lib/b.jar", bytes(33_333, 3),
          "README", bytes(100, 4));

  @Test
  void filesInTorrentOrderAreHashedWhileWrittenAndMatchTorrentCreator() throws IOException {
    StagedUpload staged =
        upload(Optional.empty(), Long.MAX_VALUE, "README", "bin/app", "lib/a.jar", "lib/b.jar");

    assertTrue(staged.hashedWhileWriting());
    assertArrayEquals(reference().pieceHashes(), staged.pieces());
    assertEquals(reference().layout(), staged.layout());
    assertArrayEquals(
        files.get("bin/app"), Files.readAllBytes(staged.staging().resolve("pkg/bin/app")));
  }

  @Test
  void filesOutOfOrderAreHashedAgainInTorrentOrder() throws IOException {
    StagedUpload staged =
        upload(Optional.empty(), Long.MAX_VALUE, "lib/b.jar", "README", "lib/a.jar", "bin/app");

    assertFalse(staged.hashedWhileWriting());
    assertArrayEquals(reference().pieceHashes(), staged.pieces());
  }

  @Test
  void oneFileMakesASingleFileTorrent() throws IOException {
    Path staging = Files.createDirectories(temp.resolve("staging"));
    try (Upload upload = newUpload(staging, Optional.empty(), Long.MAX_VALUE)) {
      upload.addFile("setup-1.0.exe", new ByteArrayInputStream(bytes(50_000, 9)));
      StagedUpload staged = upload.finish("ignored");
      assertTrue(staged.layout().singleFile());
      assertEquals("setup-1.0.exe", staged.layout().name());
      assertTrue(Files.isRegularFile(staging.resolve("setup-1.0.exe")));
    }
  }

  @Test
  void anImportedTorrentMustMatchThePayload() throws IOException {
    Metainfo torrent = reference();
    StagedUpload ok =
        upload(Optional.of(torrent), Long.MAX_VALUE, "README", "bin/app", "lib/a.jar", "lib/b.jar");
    assertEquals(torrent.layout(), ok.layout());

    files.get("lib/b.jar")[20_000] ^= 1; // offset 40,107 + 20,000 lies in piece 3
    UploadRejectedException corrupt =
        assertThrows(
            UploadRejectedException.class,
            () ->
                upload(
                    Optional.of(torrent),
                    Long.MAX_VALUE,
                    "README",
                    "bin/app",
                    "lib/a.jar",
                    "lib/b.jar"));
    assertTrue(
        corrupt.getMessage().contains("does not match the torrent: piece 3 differs"),
        corrupt.getMessage());

    UploadRejectedException missing =
        assertThrows(
            UploadRejectedException.class,
            () -> upload(Optional.of(torrent), Long.MAX_VALUE, "README", "bin/app"));
    assertTrue(missing.getMessage().contains("are not the torrent's files"), missing.getMessage());
  }

  @Test
  void pathsThatEscapeAreRefused() throws IOException {
    try (Upload upload =
        newUpload(Files.createDirectories(temp.resolve("s")), Optional.empty(), 1000)) {
      for (String bad : new String[] {"../etc/passwd", "/abs", "a//b", "a/./b", ""}) {
        UploadRejectedException e =
            assertThrows(
                UploadRejectedException.class,
                () -> upload.addFile(bad, new ByteArrayInputStream(new byte[1])));
        assertEquals(UploadRejectedException.Reason.INVALID, e.reason(), bad);
      }
    }
  }

  @Test
  void anUploadOverTheLimitStopsAndLeavesNothingBehind() throws IOException {
    Path staging = Files.createDirectories(temp.resolve("big"));
    Upload upload = newUpload(staging, Optional.empty(), 1000);
    UploadRejectedException e =
        assertThrows(
            UploadRejectedException.class,
            () -> upload.addFile("big.bin", new ByteArrayInputStream(new byte[5000])));
    assertEquals(UploadRejectedException.Reason.TOO_LARGE, e.reason());
    upload.close();
    assertFalse(Files.exists(staging));
  }

  private StagedUpload upload(Optional<Metainfo> torrent, long max, String... order)
      throws IOException {
    Path staging = Files.createTempDirectory(temp, "staging");
    try (Upload upload = newUpload(staging, torrent, max)) {
      for (String name : order) {
        upload.addFile(name, new ByteArrayInputStream(files.get(name)));
      }
      return upload.finish("pkg");
    }
  }

  private Upload newUpload(Path staging, Optional<Metainfo> torrent, long max) {
    return new Upload(staging, PIECE, torrent, max, executor, 2, UploadTest::deleteTree);
  }

  private Metainfo reference() throws IOException {
    Path dir = temp.resolve("reference/pkg");
    if (!Files.exists(dir)) {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        Path p = dir.resolve(f.getKey());
        Files.createDirectories(p.getParent());
        Files.write(p, f.getValue());
      }
    }
    return TorrentCreator.of(dir).pieceLength(PIECE).privateTorrent(true).create();
  }

  private static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static void deleteTree(Path root) {
    try (var walk = Files.walk(root)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
