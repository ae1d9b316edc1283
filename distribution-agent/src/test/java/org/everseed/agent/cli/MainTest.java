package org.everseed.agent.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.everseed.api.metainfo.Metainfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @TempDir Path work;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.standard()
            .run(
                List.of(args),
                new PrintStream(out, true, UTF_8),
                new PrintStream(err, true, UTF_8));
    return new Run(code, out.toString(UTF_8), err.toString(UTF_8));
  }

  private Path payload() throws IOException {
    byte[] bytes = new byte[200_000];
    new Random(7).nextBytes(bytes);
    Path folder = work.resolve("release");
    Files.createDirectories(folder.resolve("bin"));
    Files.write(folder.resolve("bin/tool"), bytes);
    Files.write(folder.resolve("README"), "hello\n".getBytes(UTF_8));
    return folder;
  }

  @Test
  void createShowAndMagnet() throws IOException {
    Path folder = payload();
    Path torrent = work.resolve("release.torrent");
    Run created =
        run(
            "create",
            "-o",
            torrent.toString(),
            "-a",
            "http://tracker/announce/key",
            "-w",
            "http://seed/key/",
            "--piece-length",
            "32K",
            "--no-date",
            "-c",
            "nightly",
            folder.toString());
    assertEquals(0, created.code(), created.err());
    Metainfo metainfo = Metainfo.read(torrent);
    assertEquals(metainfo.infoHash().toHex() + "  " + torrent, created.out().trim());
    assertTrue(created.err().contains("hashing 100.0%"), created.err());
    assertEquals(32 << 10, metainfo.pieceLength());
    assertTrue(metainfo.isPrivate());
    assertTrue(metainfo.creationDate().isEmpty());

    Run shown = run("show", torrent.toString());
    assertEquals(0, shown.code(), shown.err());
    assertTrue(shown.out().contains("Name:         release"), shown.out());
    assertTrue(shown.out().contains("Info-hash:    " + metainfo.infoHash().toHex()), shown.out());
    assertTrue(shown.out().contains("Pieces:       7 x 32.00 KiB (32768 bytes)"), shown.out());
    assertTrue(shown.out().contains("  http://tracker/announce/key"), shown.out());
    assertTrue(shown.out().contains("  http://seed/key/"), shown.out());
    assertTrue(shown.out().contains("  release/bin/tool  (200000 bytes)"), shown.out());
    assertTrue(shown.out().contains("Comment:      nightly"), shown.out());

    Run magnet = run("magnet", torrent.toString());
    assertEquals(
        "magnet:?xt=urn:btih:"
            + metainfo.infoHash().toHex()
            + "&dn=release&xl=200006"
            + "&tr=http%3A%2F%2Ftracker%2Fannounce%2Fkey&ws=http%3A%2F%2Fseed%2Fkey%2F",
        magnet.out().trim());
  }

  @Test
  void quietPublicCreationWritesNoProgress() throws IOException {
    Path torrent = work.resolve("q.torrent");
    Run created = run("create", "-q", "--public", "-o", torrent.toString(), payload().toString());
    assertEquals(0, created.code(), created.err());
    assertEquals("", created.err());
    assertTrue(!Metainfo.read(torrent).isPrivate());
  }

  @Test
  void refusesToOverwriteWithoutForce() throws IOException {
    Path torrent = work.resolve("exists.torrent");
    Files.writeString(torrent, "x");
    Run refused = run("create", "-q", "-o", torrent.toString(), payload().toString());
    assertEquals(1, refused.code());
    assertTrue(refused.err().contains("use --force"), refused.err());
    assertEquals(
        0, run("create", "-q", "--force", "-o", torrent.toString(), payload().toString()).code());
  }

  @Test
  void usageErrorsExitWith2AndSayWhy() {
    Run unknownCommand = run("frobnicate");
    assertEquals(2, unknownCommand.code());
    assertTrue(unknownCommand.err().contains("unknown command 'frobnicate'"));

    Run unknownOption = run("create", "--colour", "x");
    assertEquals(2, unknownOption.code());
    assertTrue(unknownOption.err().contains("unknown option --colour"), unknownOption.err());

    Run badSize = run("create", "-l", "huge", "x");
    assertEquals(2, badSize.code());
    assertTrue(badSize.err().contains("not a size: 'huge'"), badSize.err());

    assertEquals(2, run("show").code());
    assertEquals(2, run().code());
  }

  @Test
  void brokenTorrentExitsWith1WithTheReason() throws IOException {
    Path broken = work.resolve("broken.torrent");
    Files.writeString(broken, "d4:infoi1ee");
    Run shown = run("show", broken.toString());
    assertEquals(1, shown.code());
    assertTrue(shown.err().contains("key 'info': expected dictionary, found integer"), shown.err());
    Run missing = run("magnet", work.resolve("absent.torrent").toString());
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("NoSuchFile"), missing.err());
  }

  @Test
  void helpListsEveryCommand() {
    Run help = run("help");
    assertEquals(0, help.code());
    for (String command : List.of("create", "show", "magnet", "version")) {
      assertTrue(help.out().contains("  " + command), help.out());
    }
    assertTrue(run("help", "create").out().contains("--piece-length"));
  }
}
