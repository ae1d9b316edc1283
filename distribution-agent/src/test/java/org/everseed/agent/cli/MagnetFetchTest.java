package org.everseed.agent.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.everseed.agent.Agent;
import org.everseed.agent.RangeServer;
import org.everseed.agent.TestPayloads;
import org.everseed.agent.swarm.SessionListener;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.metainfo.TorrentCreator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fetch <magnet link with ws=>}: the info dictionary comes from a peer by BEP 9, the data
 * from that peer and the web seed the magnet names.
 */
class MagnetFetchTest {

  @TempDir Path temp;

  @Test
  @Timeout(60)
  void magnetLinkWithWebSeedIsFetchedAndVerified() throws Exception {
    Path origin = temp.resolve("origin");
    Path source = origin.resolve("tree");
    TestPayloads.write(source.resolve("a.bin"), 1_500_000, 1);
    TestPayloads.write(source.resolve("b/c.bin"), 700_000, 2);
    Metainfo torrent = TorrentCreator.of(source).pieceLength(64 * 1024).create();
    try (RangeServer webSeed = RangeServer.start(origin, 0);
        Agent seeder = Agent.start(TestPayloads.loopbackConfig())) {
      seeder.seed(torrent, origin, SessionListener.NONE);
      String magnet =
          "magnet:?xt=urn:btih:" + torrent.infoHash().toHex() + "&dn=tree&ws=" + webSeed.baseUrl();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code =
          Main.standard()
              .run(
                  List.of(
                      "fetch",
                      "--quiet",
                      "--bind",
                      "127.0.0.1",
                      "--port",
                      "0",
                      "--dir",
                      temp.resolve("got").toString(),
                      "--peer",
                      "127.0.0.1:" + seeder.listenPort(),
                      magnet),
                  new PrintStream(out, true, UTF_8),
                  new PrintStream(err, true, UTF_8));
      assertEquals(0, code, err.toString(UTF_8));
      assertEquals(TestPayloads.sha256(source), TestPayloads.sha256(temp.resolve("got/tree")));
      Matcher summary =
          Pattern.compile("(\\d+) from peers, (\\d+) from web seeds").matcher(out.toString(UTF_8));
      assertTrue(summary.find(), out.toString(UTF_8));
      long total = Long.parseLong(summary.group(1)) + Long.parseLong(summary.group(2));
      assertTrue(total >= torrent.totalLength(), "all the data came from the swarm: " + total);
    }
  }
}
