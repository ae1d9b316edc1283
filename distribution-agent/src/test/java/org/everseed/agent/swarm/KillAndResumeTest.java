package org.everseed.agent.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.everseed.agent.Agent;
import org.everseed.agent.TestPayloads;
import org.everseed.agent.storage.ResumeFile;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.metainfo.TorrentCreator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a fetching agent process at about half way, then a restart: it completes
 * without fetching again the pieces its resume file recorded as verified, and the release appears
 * in place only once complete.
 */
class KillAndResumeTest {

  private static final long SIZE = 16L << 20;
  private static final int PIECE = 256 * 1024;

  @TempDir Path temp;

  private Process fetch(Path torrentFile, Path dir, int seederPort, Path log, String... extra)
      throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.everseed.agent.cli.Main",
                "fetch",
                "--quiet",
                "--bind",
                "127.0.0.1",
                "--port",
                "0",
                "--dir",
                dir.toString(),
                "--peer",
                "127.0.0.1:" + seederPort));
    command.addAll(List.of(extra));
    command.add(torrentFile.toString());
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
  }

  @Test
  @Timeout(120)
  void killedMidwayResumesWithoutFetchingVerifiedPiecesAgain() throws Exception {
    Path source = TestPayloads.write(temp.resolve("seed/big.bin"), SIZE, 3);
    Metainfo torrent = TorrentCreator.of(source).pieceLength(PIECE).create();
    Path torrentFile = Files.write(temp.resolve("big.torrent"), torrent.encoded());
    Path dir = temp.resolve("fetch");
    ResumeFile resume =
        new ResumeFile(dir.resolve(".everseed").resolve(torrent.infoHash().toHex() + ".resume"));

    try (Agent seeder = Agent.start(TestPayloads.loopbackConfig())) {
      seeder.seed(torrent, temp.resolve("seed"), SessionListener.NONE);

      // A slow first run, so it is surely caught half way.
      Process first =
          fetch(
              torrentFile,
              dir,
              seeder.listenPort(),
              temp.resolve("first.log"),
              "--download-limit",
              "1M");
      BitSet atKill;
      try {
        atKill = awaitVerified(resume, torrent, torrent.pieceCount() / 2, first);
        first.destroyForcibly();
        assertTrue(first.waitFor(10, TimeUnit.SECONDS));
        assertEquals(137, first.exitValue(), "killed by SIGKILL");
      } finally {
        first.destroyForcibly();
      }
      // What the resume file says after the kill is what the restart will trust (after checking).
      atKill = resume.read(torrent.infoHash(), torrent.pieceCount()).orElseThrow();
      assertTrue(
          atKill.cardinality() < torrent.pieceCount(),
          "killed before the end: " + Files.readString(temp.resolve("first.log")));
      assertFalse(Files.exists(dir.resolve("big.bin")), "nothing half-written in the target");

      Process second = fetch(torrentFile, dir, seeder.listenPort(), temp.resolve("second.log"));
      try {
        assertTrue(
            second.waitFor(90, TimeUnit.SECONDS), Files.readString(temp.resolve("second.log")));
      } finally {
        second.destroyForcibly();
      }
      String output = Files.readString(temp.resolve("second.log"));
      assertEquals(0, second.exitValue(), output);
      assertEquals(TestPayloads.sha256(source), TestPayloads.sha256(dir.resolve("big.bin")));
      assertFalse(Files.exists(dir.resolve(".everseed").resolve(torrent.infoHash().toHex())));

      Matcher summary = Pattern.compile("(\\d+) from peers, (\\d+) from web seeds").matcher(output);
      assertTrue(summary.find(), output);
      long secondRun = Long.parseLong(summary.group(1));
      long missingAtKill = SIZE - (long) atKill.cardinality() * PIECE;
      // Endgame may request the last few blocks twice; nothing verified is fetched again.
      assertTrue(
          secondRun <= missingAtKill + 4L * PIECE,
          "second run fetched "
              + secondRun
              + " bytes, but only "
              + missingAtKill
              + " were missing");
      assertTrue(secondRun >= missingAtKill, "it did fetch what was missing: " + secondRun);
    }
  }

  private static BitSet awaitVerified(
      ResumeFile resume, Metainfo torrent, int pieces, Process process) throws Exception {
    while (true) {
      assertTrue(process.isAlive(), "the fetch exited early");
      Optional<BitSet> verified = resume.read(torrent.infoHash(), torrent.pieceCount());
      if (verified.isPresent() && verified.get().cardinality() >= pieces) {
        return verified.get();
      }
      Thread.sleep(100);
    }
  }
}
