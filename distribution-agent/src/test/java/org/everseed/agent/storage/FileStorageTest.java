package org.everseed.agent.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.everseed.api.metainfo.ContentLayout;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.metainfo.MetainfoBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStorageTest {

  @TempDir Path temp;

  /** Files of 10, 0, 25 and 5 bytes in pieces of 16: piece 0 spans a, empty and b. */
  private static Metainfo multiFile() {
    ContentLayout layout =
        ContentLayout.multiFile(
            "rel",
            Map.of(
                List.of("a"), 10L,
                List.of("b", "empty"), 0L,
                List.of("c"), 25L,
                List.of("d"), 5L));
    return new MetainfoBuilder(layout, 16 * 1024, new byte[20]).build();
  }

  @Test
  void slicesSpanFilesAndSkipEmptyOnes() {
    Metainfo torrent = multiFile();
    assertEquals(
        List.of("a", "b/empty", "c", "d"),
        torrent.files().stream().map(f -> f.relativePath()).toList());
    assertTrue(torrent.pieceCount() == 1);
    FileStorage storage = assertOpen(torrent);
    assertEquals(
        List.of(
            new FileStorage.Slice(0, 2, 2, 8),
            new FileStorage.Slice(2, 0, 10, 25),
            new FileStorage.Slice(3, 0, 35, 3)),
        storage.slices(0, 2, 36));
    assertEquals(List.of(new FileStorage.Slice(3, 4, 39, 1)), storage.slices(0, 39, 1));
    assertThrows(IllegalArgumentException.class, () -> storage.slices(0, 30, 11));
  }

  private FileStorage assertOpen(Metainfo torrent) {
    try {
      return FileStorage.createForDownload(torrent, temp);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void writesLandInTheRightFilesAndReadBack() throws Exception {
    Metainfo torrent = multiFile();
    byte[] piece = new byte[40];
    for (int i = 0; i < piece.length; i++) {
      piece[i] = (byte) i;
    }
    try (FileStorage storage = FileStorage.createForDownload(torrent, temp)) {
      assertEquals(25, Files.size(temp.resolve("rel/c")), "preallocated to full length");
      assertTrue(Files.exists(temp.resolve("rel/b/empty")));
      storage.writePiece(0, ByteBuffer.wrap(piece));
      ByteBuffer back = ByteBuffer.allocate(12);
      storage.read(0, 8, back);
      assertArrayEquals(java.util.Arrays.copyOfRange(piece, 8, 20), back.array());
      ByteArrayOutputStream sent = new ByteArrayOutputStream();
      storage.transferTo(0, 0, 40, Channels.newChannel(sent));
      assertArrayEquals(piece, sent.toByteArray());
    }
    assertArrayEquals(new byte[] {35, 36, 37, 38, 39}, Files.readAllBytes(temp.resolve("rel/d")));
    assertTrue(FileStorage.filesPresent(torrent, temp));
  }

  @Test
  void seedingRefusesFilesOfTheWrongSize() throws Exception {
    Metainfo torrent = multiFile();
    FileStorage.createForDownload(torrent, temp).close();
    Files.write(temp.resolve("rel/d"), new byte[4]);
    assertFalse(FileStorage.filesPresent(torrent, temp));
    assertThrows(java.io.IOException.class, () -> FileStorage.openForSeeding(torrent, temp));
  }

  @Test
  void resumeFileRoundTripsAndRejectsAnotherTorrent() throws Exception {
    ResumeFile resume = new ResumeFile(temp.resolve("state/x.resume"));
    InfoHash hash = InfoHash.fromHex("0102030405060708090a0b0c0d0e0f1011121314");
    BitSet verified = new BitSet();
    verified.set(0);
    verified.set(9);
    verified.set(10);
    resume.write(hash, 11, verified);
    assertEquals(Optional.of(verified), resume.read(hash, 11));
    assertEquals(Optional.empty(), resume.read(hash, 12));
    assertEquals(
        Optional.empty(),
        resume.read(InfoHash.fromHex("ff02030405060708090a0b0c0d0e0f1011121314"), 11));
    assertFalse(Files.exists(temp.resolve("state/x.resume.tmp")), "the temporary file was moved");
  }

  @Test
  void damagedResumeFileIsIgnored() throws Exception {
    Path path = temp.resolve("broken.resume");
    Files.writeString(path, "d9:info-hash");
    assertEquals(
        Optional.empty(),
        new ResumeFile(path).read(InfoHash.fromHex("0102030405060708090a0b0c0d0e0f1011121314"), 3));
  }

  @Test
  void freeSpaceCheckRefusesTheImpossible() {
    assertThrows(java.io.IOException.class, () -> DiskSpace.requireFree(temp, Long.MAX_VALUE / 4));
  }
}
