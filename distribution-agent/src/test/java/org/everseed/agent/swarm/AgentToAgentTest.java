package org.everseed.agent.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.everseed.agent.Agent;
import org.everseed.agent.TestPayloads;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.metainfo.TorrentCreator;
import org.everseed.api.wire.PeerAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class AgentToAgentTest {

  @TempDir Path temp;

  @Test
  @Timeout(60)
  void leecherGetsAMultiFileTorrentFromASeeder() throws Exception {
    Path source = temp.resolve("seed/release");
    TestPayloads.write(source.resolve("a.bin"), 3_000_000, 1);
    TestPayloads.write(source.resolve("sub/b.bin"), 1_234_567, 2);
    TestPayloads.write(source.resolve("sub/empty.dat"), 0, 3);
    Metainfo torrent = TorrentCreator.of(source).pieceLength(64 * 1024).create();

    try (Agent seeder = Agent.start(TestPayloads.loopbackConfig());
        Agent leecher = Agent.start(TestPayloads.loopbackConfig())) {
      seeder.seed(torrent, temp.resolve("seed"), SessionListener.NONE);
      TorrentSession download =
          leecher.download(
              torrent, temp.resolve("leech"), temp.resolve("leech.resume"), SessionListener.NONE);
      download.addPeers(
          List.of(new PeerAddress(InetAddress.getLoopbackAddress(), seeder.listenPort())));
      download.completion().get(50, TimeUnit.SECONDS);

      assertEquals(TestPayloads.sha256(source), TestPayloads.sha256(temp.resolve("leech/release")));
      SessionStats stats = download.stats();
      assertTrue(stats.complete());
      assertEquals(torrent.totalLength(), stats.bytesVerified());
      assertTrue(stats.bytesFromPeers() >= torrent.totalLength());
    }
  }
}
