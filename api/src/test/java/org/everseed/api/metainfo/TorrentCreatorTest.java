package org.everseed.api.metainfo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorrentCreatorTest {

  @TempDir static Path payloads;

  @BeforeAll
  static void writePayloads() throws IOException {
    Payloads.writeAll(payloads);
  }

  @Test
  void folderFilesAreListedInMktorrentOrderWithOffsets() throws IOException {
    Metainfo torrent = TorrentCreator.of(payloads.resolve("tree")).pieceLength(32 << 10).create();
    assertEquals("tree", torrent.name());
    assertEquals(
        List.of(
            "M/upper.bin", "a-b.bin", "a.txt", "a/b/c.bin", "a/empty.dat", "z/deep/er/file.bin"),
        torrent.files().stream().map(TorrentFile::relativePath).toList());
    long offset = 0;
    for (TorrentFile file : torrent.files()) {
      assertEquals(offset, file.offset());
      assertEquals(Payloads.TREE_FILES.get(file.relativePath()).longValue(), file.length());
      offset += file.length();
    }
    assertEquals(offset, torrent.totalLength());
  }

  @Test
  void everyOptionLandsInTheTorrent() throws IOException {
    Metainfo torrent =
        TorrentCreator.of(payloads.resolve("single.bin"))
            .name("renamed.bin")
            .announceTier(List.of("http://a/announce", "http://b/announce"))
            .announce("http://c/announce")
            .webSeed("http://w1/")
            .webSeed("http://w2/")
            .createdBy("test suite")
            .creationDate(Instant.ofEpochSecond(1_234_567_890))
            .comment("a comment")
            .threads(1)
            .create();
    assertEquals("renamed.bin", torrent.name());
    assertTrue(torrent.isSingleFile());
    assertTrue(torrent.isPrivate(), "Everseed torrents are private by default");
    assertEquals(Optional.of("http://a/announce"), torrent.announce());
    assertEquals(
        List.of(List.of("http://a/announce", "http://b/announce"), List.of("http://c/announce")),
        torrent.announceList());
    assertEquals(List.of("http://w1/", "http://w2/"), torrent.webSeeds());
    assertEquals(Optional.of("test suite"), torrent.createdBy());
    assertEquals(Optional.of(Instant.ofEpochSecond(1_234_567_890)), torrent.creationDate());
    assertEquals(Optional.of("a comment"), torrent.comment());
    assertEquals(
        PieceLength.MIN, torrent.pieceLength(), "300 kB gets the smallest automatic piece length");
  }

  @Test
  void withoutDateAndCreatorTheOutputIsReproducible() throws IOException {
    TorrentCreator creator =
        TorrentCreator.of(payloads.resolve("tree"))
            .creationDate(null)
            .createdBy(null)
            .privateTorrent(false);
    Metainfo first = creator.create();
    Metainfo second = creator.create();
    assertArrayEquals(first.encoded(), second.encoded());
    assertFalse(first.root().containsKey("creation date"));
    assertFalse(first.root().containsKey("created by"));
    assertFalse(first.info().containsKey("private"));
  }

  @Test
  void uploadPathWithPieceHasherAndBuilderMatchesTheCreator() throws IOException {
    Path tree = payloads.resolve("tree");
    Metainfo created = TorrentCreator.of(tree).pieceLength(32 << 10).create();

    // What the server does: it knows the file list, then streams each file's bytes in layout order.
    ContentLayout layout =
        ContentLayout.multiFile(
            "tree",
            Map.of(
                List.of("a.txt"), 1_000L,
                List.of("a-b.bin"), 70_000L,
                List.of("a", "b", "c.bin"), 50_000L,
                List.of("a", "empty.dat"), 0L,
                List.of("z", "deep", "er", "file.bin"), 33_333L,
                List.of("M", "upper.bin"), 20_480L));
    byte[] pieces;
    try (PieceHasher hasher = PieceHasher.withThreads(32 << 10, 2, null)) {
      for (TorrentFile file : layout.files()) {
        byte[] bytes = Files.readAllBytes(file.resolveAgainst(tree));
        for (int offset = 0; offset < bytes.length; offset += 999) {
          hasher.update(bytes, offset, Math.min(999, bytes.length - offset));
        }
      }
      pieces = hasher.finish();
    }
    Metainfo uploaded = new MetainfoBuilder(layout, 32 << 10, pieces).build();
    assertEquals(created.info(), uploaded.info());
    assertEquals(created.infoHash(), uploaded.infoHash());
  }

  @Test
  void filesAboveTheMappingThresholdHashLikeSmallOnes(@TempDir Path folder) throws Exception {
    // One small file first, so the mapped file starts in the middle of a piece.
    Payloads.write(folder.resolve("mixed/a-small.bin"), "small", 50_000);
    int large = (int) TorrentCreator.MAP_THRESHOLD + 70_000;
    Payloads.write(folder.resolve("mixed/b-large.bin"), "large", large);
    Metainfo torrent = TorrentCreator.of(folder.resolve("mixed")).pieceLength(1 << 20).create();
    byte[] all = new byte[50_000 + large];
    System.arraycopy(Files.readAllBytes(folder.resolve("mixed/a-small.bin")), 0, all, 0, 50_000);
    System.arraycopy(
        Files.readAllBytes(folder.resolve("mixed/b-large.bin")), 0, all, 50_000, large);
    assertArrayEquals(PieceHasherTest.referencePieces(all, 1 << 20), torrent.pieceHashes());
  }

  @Test
  void progressReachesTheTotal() throws IOException {
    AtomicLong last = new AtomicLong();
    AtomicLong total = new AtomicLong();
    Metainfo torrent =
        TorrentCreator.of(payloads.resolve("tree"))
            .progress(
                (done, all) -> {
                  last.accumulateAndGet(done, Math::max);
                  total.set(all);
                })
            .create();
    assertEquals(torrent.totalLength(), last.get());
    assertEquals(torrent.totalLength(), total.get());
  }

  @Test
  void emptyFolderAndMissingPathAreRefused(@TempDir Path empty) {
    InvalidMetainfoException e =
        assertThrows(InvalidMetainfoException.class, () -> TorrentCreator.of(empty).create());
    assertTrue(e.getMessage().endsWith("holds no files"), e.getMessage());
    assertThrows(IOException.class, () -> TorrentCreator.of(empty.resolve("absent")).create());
  }
}
