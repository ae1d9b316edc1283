package org.everseed.api.metainfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Everseed's torrents checked by real clients run at test time: {@code transmission-show} and
 * {@code aria2c} read them with the same info-hash, {@code aria2c} verifies a payload against them,
 * and {@code mktorrent} makes the same info dictionary from the same files.
 */
class RealToolsInteropTest {

  @TempDir static Path work;

  @BeforeAll
  static void writePayloads() throws IOException {
    Payloads.writeAll(work);
    // A bigger file so several 256 KiB pieces and a short last one exist.
    Payloads.write(work.resolve("tree/big/release.bin"), "tree/big/release.bin", 1_300_000);
  }

  private static Path everseedTorrent(String source, String file) throws IOException {
    Metainfo torrent =
        TorrentCreator.of(work.resolve(source))
            .announce("http://127.0.0.1:6969/announce/passkey")
            .webSeed("http://127.0.0.1:8080/seed/passkey/")
            .creationDate(Instant.ofEpochSecond(1_700_000_000))
            .comment("interop")
            .create();
    Path path = work.resolve(file);
    Files.write(path, torrent.encoded());
    return path;
  }

  @ParameterizedTest
  @CsvSource({"single.bin, everseed-single.torrent", "tree, everseed-tree.torrent"})
  void transmissionShowAndAria2ReadTheSameInfoHash(String source, String file) throws Exception {
    Path torrent = everseedTorrent(source, file);
    String expected = Metainfo.read(torrent).infoHash().toHex();

    String transmission = ExternalTool.runOk(work, "transmission-show", torrent.toString());
    assertEquals(expected, ExternalTool.infoHashIn(transmission, "Hash:"));
    assertTrue(transmission.contains("Private torrent"), transmission);

    String aria2 =
        ExternalTool.runOk(work, "aria2c", "--no-conf=true", "--show-files", torrent.toString());
    assertEquals(expected, ExternalTool.infoHashIn(aria2, "Info Hash:"));
  }

  @Test
  void aria2VerifiesThePayloadAndCatchesOneFlippedByte() throws Exception {
    Path torrent = everseedTorrent("tree", "everseed-check.torrent");
    Path copy = work.resolve("check");
    copyTree(work.resolve("tree"), copy.resolve("tree"));

    ExternalTool.Result intact = aria2Check(torrent, copy);
    assertEquals(0, intact.exitCode(), intact.output());
    assertTrue(intact.output().contains("Verification finished successfully"), intact.output());

    try (FileChannel channel =
        FileChannel.open(copy.resolve("tree/big/release.bin"), StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(new byte[] {42}), 700_000);
    }
    ExternalTool.Result corrupted = aria2Check(torrent, copy);
    assertNotEquals(0, corrupted.exitCode(), corrupted.output());
    assertTrue(corrupted.output().contains("Checksum error"), corrupted.output());
  }

  private static ExternalTool.Result aria2Check(Path torrent, Path directory) throws Exception {
    return ExternalTool.run(
        work,
        "aria2c",
        "--no-conf=true",
        "--check-integrity=true",
        "--hash-check-only=true",
        "--seed-ratio=0",
        "--enable-dht=false",
        "--enable-dht6=false",
        "--bt-enable-lpd=false",
        "--enable-peer-exchange=false",
        "--file-allocation=none",
        "--auto-save-interval=0",
        "--summary-interval=0",
        "--dir=" + directory,
        "--torrent-file=" + torrent);
  }

  @ParameterizedTest
  @CsvSource({"15, false", "16, true", "18, false", "18, true"})
  void mktorrentAtTestTimeMakesTheSameInfoHash(int log2PieceLength, boolean isPrivate)
      throws Exception {
    Path output = work.resolve("mktorrent-" + log2PieceLength + "-" + isPrivate + ".torrent");
    Files.deleteIfExists(output);
    ExternalTool.runOk(
        work,
        "mktorrent",
        "-l",
        Integer.toString(log2PieceLength),
        isPrivate ? "-p" : "-d",
        "-a",
        "http://127.0.0.1:6969/announce",
        "-o",
        output.toString(),
        "tree");
    Metainfo everseed =
        TorrentCreator.of(work.resolve("tree"))
            .pieceLength(1 << log2PieceLength)
            .privateTorrent(isPrivate)
            .create();
    assertEquals(Metainfo.read(output).infoHash(), everseed.infoHash());
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var walk = Files.walk(from)) {
      for (Path path : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }
}
