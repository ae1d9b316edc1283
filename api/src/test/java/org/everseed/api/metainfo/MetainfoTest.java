package org.everseed.api.metainfo;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.everseed.api.bencode.BDictionary;
import org.everseed.api.bencode.BList;
import org.everseed.api.bencode.BString;
import org.everseed.api.bencode.BValue;
import org.everseed.api.bencode.BencodeEncoder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetainfoTest {

  private static final byte[] TWO_HASHES = new byte[40];

  /** A valid single-file info dictionary: 20,000 bytes in 16 KiB pieces is two pieces. */
  private static BDictionary.Builder singleFileInfo() {
    return BDictionary.builder()
        .put("name", "file.bin")
        .put("length", 20_000)
        .put("piece length", 16_384)
        .put("pieces", TWO_HASHES);
  }

  private static BDictionary fileEntry(long length, String... path) {
    return BDictionary.builder()
        .put("length", length)
        .put("path", BList.ofStrings(List.of(path)))
        .build();
  }

  private static BDictionary.Builder multiFileInfo(BDictionary... files) {
    return BDictionary.builder()
        .put("name", "root")
        .put("files", new BList(List.<BValue>of(files)))
        .put("piece length", 16_384)
        .put("pieces", TWO_HASHES);
  }

  private static Metainfo parse(BDictionary info, BDictionary.Builder root) {
    return Metainfo.parse(BencodeEncoder.encode(root.put("info", info).build()));
  }

  private static Metainfo parse(BDictionary info) {
    return parse(info, BDictionary.builder());
  }

  private static String rejection(BDictionary info) {
    return assertThrows(InvalidMetainfoException.class, () -> parse(info)).getMessage();
  }

  @Nested
  class Correct {
    @Test
    void singleFile() {
      Metainfo torrent = parse(singleFileInfo().build());
      assertTrue(torrent.isSingleFile());
      assertEquals("file.bin", torrent.name());
      assertEquals(20_000, torrent.totalLength());
      assertEquals(2, torrent.pieceCount());
      assertEquals(16_384, torrent.pieceSize(0));
      assertEquals(20_000 - 16_384, torrent.pieceSize(1));
      assertFalse(torrent.isPrivate());
      assertEquals(List.of(new TorrentFile(List.of("file.bin"), 20_000, 0)), torrent.files());
    }

    @Test
    void multiFileWithOffsets() {
      Metainfo torrent =
          parse(
              multiFileInfo(
                      fileEntry(10_000, "a", "x.bin"),
                      fileEntry(0, "empty"),
                      fileEntry(10_000, "b"))
                  .build());
      assertFalse(torrent.isSingleFile());
      assertEquals(
          List.of(
              new TorrentFile(List.of("a", "x.bin"), 10_000, 0),
              new TorrentFile(List.of("empty"), 0, 10_000),
              new TorrentFile(List.of("b"), 10_000, 10_000)),
          torrent.files());
      assertEquals("a/x.bin", torrent.files().get(0).relativePath());
    }

    @Test
    void optionalFieldsAndTrackers() {
      BDictionary.Builder root =
          BDictionary.builder()
              .put("announce", "http://a/announce")
              .put(
                  "announce-list",
                  BList.of(
                      BList.ofStrings(List.of("http://a/announce", "http://b/announce")),
                      BList.ofStrings(List.of("http://c/announce"))))
              .put("url-list", BList.ofStrings(List.of("http://w1/", "http://w2/")))
              .put("creation date", 1_700_000_000)
              .put("comment", "hello")
              .put("created by", "test");
      Metainfo torrent = parse(singleFileInfo().put("private", 1).build(), root);
      assertTrue(torrent.isPrivate());
      assertEquals(Optional.of("http://a/announce"), torrent.announce());
      assertEquals(
          List.of("http://a/announce", "http://b/announce", "http://c/announce"),
          torrent.trackers());
      assertEquals(2, torrent.announceList().size());
      assertEquals(List.of("http://w1/", "http://w2/"), torrent.webSeeds());
      assertEquals(Optional.of(Instant.ofEpochSecond(1_700_000_000)), torrent.creationDate());
      assertEquals(Optional.of("hello"), torrent.comment());
      assertEquals(Optional.of("test"), torrent.createdBy());
    }

    @Test
    void urlListAsOneString() {
      Metainfo torrent =
          parse(singleFileInfo().build(), BDictionary.builder().put("url-list", "http://w/"));
      assertEquals(List.of("http://w/"), torrent.webSeeds());
      assertEquals(List.of(), parse(singleFileInfo().build()).webSeeds());
    }

    @Test
    void announceAloneIsTheTrackerList() {
      Metainfo torrent =
          parse(singleFileInfo().build(), BDictionary.builder().put("announce", "http://a/"));
      assertEquals(List.of("http://a/"), torrent.trackers());
    }

    @Test
    void unknownKeysArePreservedAndTheInfoHashCoversTheInfoBytes() throws Exception {
      BDictionary info = singleFileInfo().put("x-vendor", BList.of(BString.of("kept"))).build();
      byte[] file =
          BencodeEncoder.encode(
              BDictionary.builder().put("info", info).put("zz-unknown", 5).build());
      Metainfo torrent = Metainfo.parse(file);
      assertArrayEquals(file, torrent.encoded());
      assertArrayEquals(file, BencodeEncoder.encode(torrent.root()));
      assertEquals(5, torrent.root().getLong("zz-unknown"));
      byte[] infoBytes = BencodeEncoder.encode(info);
      String text = new String(file, ISO_8859_1);
      int start = text.indexOf(new String(infoBytes, ISO_8859_1));
      assertTrue(start > 0);
      byte[] expected =
          MessageDigest.getInstance("SHA-1")
              .digest(Arrays.copyOfRange(file, start, start + infoBytes.length));
      assertArrayEquals(expected, torrent.infoHash().bytes());
    }
  }

  @Nested
  class Invalid {
    @Test
    void notBencode() {
      InvalidMetainfoException e =
          assertThrows(
              InvalidMetainfoException.class,
              () -> Metainfo.parse("d4:infoe".getBytes(ISO_8859_1)));
      assertTrue(e.getMessage().startsWith("not a valid .torrent: "), e.getMessage());
    }

    @Test
    void missingInfo() {
      assertEquals(
          "missing key 'info'",
          assertThrows(
                  InvalidMetainfoException.class, () -> Metainfo.parse("de".getBytes(ISO_8859_1)))
              .getMessage());
    }

    @ParameterizedTest
    @ValueSource(longs = {16_383, 8_192, 0, -1})
    void pieceLengthBelow16KiB(long pieceLength) {
      assertTrue(
          rejection(singleFileInfo().put("piece length", pieceLength).build())
              .contains("is below the minimum of 16384 bytes"));
    }

    @Test
    void pieceLengthNotPowerOfTwo() {
      assertEquals(
          "piece length 20000 is not a power of two",
          rejection(singleFileInfo().put("piece length", 20_000).build()));
    }

    @Test
    void piecesNotMultipleOf20() {
      assertEquals(
          "'pieces' is 39 bytes, not a multiple of 20",
          rejection(singleFileInfo().put("pieces", new byte[39]).build()));
    }

    @Test
    void piecesNotMatchingTheTotalLength() {
      assertEquals(
          "'pieces' holds 3 hashes, but 20000 bytes in pieces of 16384 need 2",
          rejection(singleFileInfo().put("pieces", new byte[60]).build()));
    }

    @Test
    void bothOrNeitherOfLengthAndFiles() {
      String both = rejection(singleFileInfo().put("files", BList.of(fileEntry(1, "a"))).build());
      assertTrue(both.contains("exactly one of 'length'"), both);
      String neither = rejection(singleFileInfo().build().without("length"));
      assertTrue(neither.contains("exactly one of 'length'"), neither);
    }

    @Test
    void wrongKinds() {
      assertEquals(
          "key 'piece length': expected integer, found string",
          rejection(singleFileInfo().put("piece length", "16384").build()));
      assertEquals(
          "'private' must be 0 or 1, found 2",
          rejection(singleFileInfo().put("private", 2).build()));
    }

    @Test
    void dotDotComponent() {
      assertEquals(
          "file path '../etc/passwd' has a '..' component, which could leave the target folder",
          rejection(multiFileInfo(fileEntry(20_000, "..", "etc", "passwd")).build()));
    }

    @Test
    void absolutePath() {
      assertEquals(
          "file path '/etc/passwd' is absolute; torrents hold relative paths",
          rejection(multiFileInfo(fileEntry(20_000, "/etc", "passwd")).build()));
      assertTrue(
          rejection(singleFileInfo().put("name", "/etc/passwd").build()).contains("is absolute"));
    }

    @Test
    void emptyComponent() {
      assertEquals(
          "file path 'a//b' has an empty component",
          rejection(multiFileInfo(fileEntry(20_000, "a", "", "b")).build()));
      assertEquals(
          "file path has no components", rejection(multiFileInfo(fileEntry(20_000)).build()));
    }

    @Test
    void charactersNoFilesystemHolds() {
      assertTrue(rejection(multiFileInfo(fileEntry(20_000, "a\u0000b")).build()).contains("NUL"));
      assertTrue(
          rejection(multiFileInfo(fileEntry(20_000, "a/b")).build())
              .contains("path separator '/' inside the component 'a/b'"));
      assertTrue(
          rejection(multiFileInfo(fileEntry(20_000, "a\\b")).build())
              .contains("path separator '\\'"));
    }

    @Test
    void nonUtf8Name() {
      String message =
          rejection(singleFileInfo().put("name", new byte[] {(byte) 0xC3, 0x28}).build());
      assertEquals("name 0xc328 is not valid UTF-8", message);
    }

    @Test
    void duplicateFileAndFileThatIsAlsoAFolder() {
      assertEquals(
          "file 'a' is listed twice",
          rejection(multiFileInfo(fileEntry(10_000, "a"), fileEntry(10_000, "a")).build()));
      assertEquals(
          "'a' is both a file and a folder",
          rejection(multiFileInfo(fileEntry(10_000, "a"), fileEntry(10_000, "a", "b")).build()));
    }

    @Test
    void negativeLengthAndNoBytes() {
      assertEquals(
          "negative file length -1", rejection(singleFileInfo().put("length", -1).build()));
      assertEquals(
          "torrent 'file.bin' holds no bytes",
          rejection(singleFileInfo().put("length", 0).put("pieces", new byte[0]).build()));
    }

    @Test
    void urlListOfTheWrongKind() {
      InvalidMetainfoException e =
          assertThrows(
              InvalidMetainfoException.class,
              () -> parse(singleFileInfo().build(), BDictionary.builder().put("url-list", 3)));
      assertEquals("'url-list' must be a string or a list, found integer", e.getMessage());
    }
  }
}
