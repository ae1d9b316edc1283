package org.everseed.agent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.everseed.agent.RangeServer;
import org.everseed.agent.TestPayloads;
import org.everseed.api.metainfo.Metainfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: an installed release folder is never trusted. A real agent process ({@code
 * everseed-agent run}) installs a release; while it is stopped a file in the release folder is
 * changed; the restarted agent finds the bad pieces, fetches them again, and only then runs the
 * hook (which records the SHA-256 it saw) and reports {@code COMPLETED}. Before, the agent ran the
 * hook on the tampered file and reported it installed.
 */
class TamperedInstallTest {

  @TempDir Path temp;

  private Process agent(Path config, Path log) throws Exception {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "org.everseed.agent.cli.Main",
            "run",
            "--config",
            config.toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
  }

  private static void stop(Process process) throws Exception {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private static void await(Process process, Path log, java.util.function.BooleanSupplier done)
      throws Exception {
    while (!done.getAsBoolean()) {
      if (!process.isAlive()) {
        throw new AssertionError("the agent exited:\n" + Files.readString(log));
      }
      Thread.sleep(100);
    }
  }

  @Test
  @Timeout(120)
  void aTamperedFileIsFetchedAgainBeforeTheHookRuns() throws Exception {
    Path source = TestPayloads.write(temp.resolve("o/tool.tar"), 2_000_000, 7);
    String expected = TestPayloads.sha256(source);
    Path hookLog = temp.resolve("hook.log");
    Path log = temp.resolve("agent.log");
    try (RangeServer webSeed = RangeServer.start(temp.resolve("o"), 0);
        FakeAgentApi api = new FakeAgentApi()) {
      Metainfo torrent = ReleaseFoldersTest.webSeeded(source, webSeed);
      api.publish(9, "tool", "3.0", "apps", torrent);
      Properties p = api.settings(temp.resolve("a"), "apps");
      p.setProperty(
          "hook.command",
          "sha256sum \"$EVERSEED_RELEASE_PATH/tool.tar\" | cut -c1-64 >> '" + hookLog + "'");
      Path config = temp.resolve("agent.properties");
      try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
        p.store(out, null);
      }
      Path installed = temp.resolve("a/target/apps/tool/3.0/tool.tar");

      Process first = agent(config, log);
      try {
        await(first, log, () -> api.reports(9, "COMPLETED") == 1);
      } finally {
        stop(first);
      }
      assertEquals(List.of(expected), Files.readAllLines(hookLog));
      long fetchedOnce = webSeed.bytesSent();

      // Tampered while the agent is down: 4 KiB changed in the middle, the size kept.
      try (RandomAccessFile file = new RandomAccessFile(installed.toFile(), "rw")) {
        file.seek(1_000_000);
        file.write(new byte[4096]);
      }

      Process second = agent(config, log);
      try {
        await(second, log, () -> api.reports(9, "COMPLETED") == 2);
      } finally {
        stop(second);
      }
      assertEquals(expected, TestPayloads.sha256(installed), "the file was fetched again");
      assertEquals(
          List.of(expected, expected),
          Files.readAllLines(hookLog),
          "the hook ran again, on verified data only");
      long refetched = webSeed.bytesSent() - fetchedOnce;
      assertTrue(
          refetched > 0 && refetched <= 2L * torrent.pieceLength(),
          "only the bad pieces came again: " + refetched);
      assertTrue(Files.readString(log).contains("failed verification"), Files.readString(log));

      // An intact folder on the next restart: seeded, nothing owed, no hook.
      int polls = api.polls();
      Process third = agent(config, log);
      try {
        await(third, log, () -> api.polls() >= polls + 3);
      } finally {
        stop(third);
      }
      assertEquals(2, api.reports(9, "COMPLETED"));
      assertEquals(2, Files.readAllLines(hookLog).size());
    }
  }
}
