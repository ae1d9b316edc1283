package org.everseed.api.metainfo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import org.everseed.api.bencode.BencodeEncoder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Torrents made by mktorrent and transmission-create (committed, see {@code interop/README.md})
 * parse with the info-hash transmission-show printed, re-encode byte for byte, and match the
 * payloads they were made from. Everseed makes byte-identical info dictionaries to mktorrent's.
 */
class InteropFixturesTest {

  @TempDir static Path payloads;

  @BeforeAll
  static void writePayloads() throws IOException {
    Payloads.writeAll(payloads);
  }

  static Metainfo fixture(String name) throws IOException {
    try (InputStream in = InteropFixturesTest.class.getResourceAsStream("interop/" + name)) {
      return Metainfo.parse(in.readAllBytes());
    }
  }

  @ParameterizedTest
  @CsvSource({
    "mktorrent-single-32k.torrent,          a8ce79027e204d0cdc8f92d937f624cc217f887d, 32768,  10, false, 1",
    "mktorrent-single-64k-private.torrent,  10d294324280dc7a35d05a952394feb58827eb00, 65536,  5,  true,  1",
    "mktorrent-tree-32k.torrent,            49d79b982e16c8e193199185b0f028b144725dab, 32768,  6,  false, 6",
    "mktorrent-tree-128k-private.torrent,   08a0ad150b616c8f4f125a918fc3becd8fa56659, 131072, 2,  true,  6",
    "transmission-single-16k.torrent,       429c2fed3cdd087f868c16f75cb781930dbcae22, 16384,  19, false, 1",
    "transmission-tree-32k-private.torrent, 5ac01b125223e3845c5ac7e44fcf58d1d3ab4940, 32768,  6,  true,  5",
    "transmission-tree-default.torrent,     c5df762ce6ecf5f3fb5f02ca2b62a585246f2177, 32768,  6,  false, 5",
  })
  void parsesWithTheInfoHashTransmissionShowPrints(
      String name, String infoHash, int pieceLength, int pieces, boolean isPrivate, int files)
      throws IOException {
    Metainfo torrent = fixture(name);
    assertEquals(infoHash, torrent.infoHash().toHex());
    assertEquals(pieceLength, torrent.pieceLength());
    assertEquals(pieces, torrent.pieceCount());
    assertEquals(isPrivate, torrent.isPrivate());
    assertEquals(files, torrent.files().size());
    assertArrayEquals(torrent.encoded(), BencodeEncoder.encode(torrent.root()));
    assertTrue(torrent.pieceSize(pieces - 1) < pieceLength, "the last piece is shorter");
  }

  @ParameterizedTest
  @CsvSource({
    "mktorrent-single-32k.torrent",
    "mktorrent-single-64k-private.torrent",
    "mktorrent-tree-32k.torrent",
    "mktorrent-tree-128k-private.torrent",
    "transmission-single-16k.torrent",
    "transmission-tree-32k-private.torrent",
    "transmission-tree-default.torrent",
  })
  void everyPieceMatchesTheRegeneratedPayload(String name) throws Exception {
    Metainfo torrent = fixture(name);
    Path root = torrent.isSingleFile() ? payloads : payloads.resolve(torrent.name());
    ByteBuffer piece = ByteBuffer.allocate(torrent.pieceLength());
    MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
    int index = 0;
    for (TorrentFile file : torrent.files()) {
      try (FileChannel channel = FileChannel.open(file.resolveAgainst(root))) {
        while (channel.read(piece) > 0) {
          if (!piece.hasRemaining()) {
            assertArrayEquals(
                torrent.pieceHash(index), sha1.digest(piece.array()), "piece " + index);
            index++;
            piece.clear();
          }
        }
      }
    }
    sha1.update(piece.array(), 0, piece.position());
    assertArrayEquals(torrent.pieceHash(index), sha1.digest(), "last piece");
    assertEquals(torrent.pieceCount(), index + 1);
  }

  @ParameterizedTest
  @CsvSource({
    "mktorrent-single-32k.torrent,         single.bin, 32768,  false",
    "mktorrent-single-64k-private.torrent, single.bin, 65536,  true",
    "mktorrent-tree-32k.torrent,           tree,       32768,  false",
    "mktorrent-tree-128k-private.torrent,  tree,       131072, true",
  })
  void everseedCreatesTheSameInfoDictionaryAsMktorrent(
      String name, String source, int pieceLength, boolean isPrivate) throws IOException {
    Metainfo mktorrent = fixture(name);
    Metainfo everseed =
        TorrentCreator.of(payloads.resolve(source))
            .pieceLength(pieceLength)
            .privateTorrent(isPrivate)
            .create();
    assertEquals(mktorrent.infoHash(), everseed.infoHash());
    assertEquals(mktorrent.info(), everseed.info());
  }

  @ParameterizedTest
  @CsvSource({"mktorrent-tree-32k.torrent", "mktorrent-tree-128k-private.torrent"})
  void mktorrentFixturesKeepTheirTrackersWebSeedsAndComment(String name) throws IOException {
    Metainfo torrent = fixture(name);
    assertTrue(!torrent.trackers().isEmpty());
    assertEquals(
        List.of("tree/M/upper.bin", "tree/a-b.bin", "tree/a.txt", "tree/a/b/c.bin"),
        torrent.files().subList(0, 4).stream().map(f -> "tree/" + f.relativePath()).toList());
    if (torrent.isPrivate()) {
      assertEquals(List.of("http://w1/", "http://w2/"), torrent.webSeeds());
    } else {
      assertEquals(List.of("http://t1/announce", "http://t2/announce"), torrent.trackers());
      assertEquals("interop fixture", torrent.comment().orElseThrow());
    }
  }
}
