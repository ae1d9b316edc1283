package org.everseed.agent.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.everseed.agent.StatusFile;
import org.everseed.agent.swarm.SessionStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {

  @TempDir Path temp;

  private String run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        Main.standard()
            .run(
                List.of(args),
                new PrintStream(out, true, UTF_8),
                new PrintStream(out, true, UTF_8));
    assertEquals(0, code, out.toString(UTF_8));
    return out.toString(UTF_8);
  }

  @Test
  void statusReadsWhatARunningAgentWrites() throws Exception {
    Path file = temp.resolve(".everseed/status.json");
    new StatusFile(file)
        .write(
            6881,
            List.of(
                new SessionStats(
                    "tool \"1.2\".tar",
                    "0102030405060708090a0b0c0d0e0f1011121314",
                    "DOWNLOADING",
                    5,
                    10,
                    512L << 20,
                    1L << 30,
                    400L << 20,
                    112L << 20,
                    0,
                    2_097_152,
                    0,
                    3,
                    0,
                    0)));
    String text = run("status", "--dir", temp.toString());
    assertTrue(text.contains("tool \"1.2\".tar  DOWNLOADING  50.0%"), text);
    assertTrue(text.contains("down 2.00 MiB/s"), text);
    assertTrue(text.contains("from web seed 112.00 MiB"), text);
    String json = run("status", "--status-file", file.toString(), "--json");
    assertTrue(json.contains("\"name\":\"tool \\\"1.2\\\".tar\""), json);
    assertTrue(json.contains("\"bytesFromWebSeed\":117440512"), json);
  }
}
