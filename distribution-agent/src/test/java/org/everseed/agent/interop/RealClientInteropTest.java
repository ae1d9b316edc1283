package org.everseed.agent.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.everseed.agent.Agent;
import org.everseed.agent.TestPayloads;
import org.everseed.agent.peer.RevokedSerials;
import org.everseed.agent.peer.TestFleet;
import org.everseed.agent.swarm.SessionStats;
import org.everseed.agent.swarm.SwarmAccess;
import org.everseed.agent.swarm.TorrentSession;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.metainfo.MetainfoBuilder;
import org.everseed.api.metainfo.TorrentCreator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent against real clients on 127.0.0.1, meeting through opentracker, DHT/LSD/PEX/UPnP off:
 * it downloads from aria2c and from Transmission, and aria2c downloads from it. Every transfer is
 * checked by SHA-256 of the data.
 */
class RealClientInteropTest {

  private static final List<String> ARIA2_QUIET =
      List.of(
          "--enable-dht=false",
          "--enable-dht6=false",
          "--bt-enable-lpd=false",
          "--enable-peer-exchange=false",
          "--disable-ipv6=true",
          "--interface=127.0.0.1",
          "--file-allocation=none",
          "--console-log-level=warn",
          "--summary-interval=0",
          "--stop=150");

  @TempDir Path temp;

  private Metainfo torrentOf(Path source, String trackerUrl) throws Exception {
    Metainfo created = TorrentCreator.of(source).pieceLength(256 * 1024).create();
    return new MetainfoBuilder(created.layout(), created.pieceLength(), created.pieceHashes())
        .announce(trackerUrl)
        .privateTorrent(true)
        .build();
  }

  private static Path write(Path torrentFile, Metainfo torrent) throws Exception {
    Files.createDirectories(torrentFile.getParent());
    return Files.write(torrentFile, torrent.encoded());
  }

  @Test
  @Timeout(180)
  void agentDownloadsFromAria2Seeder() throws Exception {
    Path seedDir = temp.resolve("aria2-seed");
    Path source = TestPayloads.write(seedDir.resolve("payload.bin"), 9_000_001, 11);
    int trackerPort = ExternalProcess.freePort();
    Metainfo torrent = torrentOf(source, OpenTracker.announceUrl(trackerPort));
    try (OpenTracker tracker =
        OpenTracker.start(temp.resolve("tracker"), trackerPort, List.of(torrent.infoHash()))) {
      Path torrentFile = write(temp.resolve("t/payload.torrent"), torrent);
      int aria2Port = ExternalProcess.freePort();
      List<String> command = new ArrayList<>(List.of("aria2c", "-V", "--seed-ratio=0.0"));
      command.addAll(ARIA2_QUIET);
      command.addAll(
          List.of("--listen-port=" + aria2Port, "-d", seedDir.toString(), torrentFile.toString()));
      try (ExternalProcess aria2 =
              ExternalProcess.start(seedDir, temp.resolve("aria2.log"), command);
          Agent agent = Agent.start(TestPayloads.loopbackConfig())) {
        aria2.awaitPort(aria2Port, Duration.ofSeconds(30));
        TorrentSession session =
            agent.download(
                torrent,
                temp.resolve("agent"),
                temp.resolve("agent.resume"),
                TestPayloads.printingListener("agent"));
        TestPayloads.awaitCompletion(session, 60);
        assertEquals(
            TestPayloads.sha256(source), TestPayloads.sha256(temp.resolve("agent/payload.bin")));
        assertFromPeers(session.stats(), torrent);
      }
    }
  }

  @Test
  @Timeout(180)
  void aria2LeecherDownloadsFromAgentSeeder() throws Exception {
    Path seedDir = temp.resolve("agent-seed");
    Path source = seedDir.resolve("tree");
    TestPayloads.write(source.resolve("one.bin"), 5_000_000, 21);
    TestPayloads.write(source.resolve("nested/two.bin"), 3_333_333, 22);
    int trackerPort = ExternalProcess.freePort();
    Metainfo torrent = torrentOf(source, OpenTracker.announceUrl(trackerPort));
    try (OpenTracker tracker =
            OpenTracker.start(temp.resolve("tracker"), trackerPort, List.of(torrent.infoHash()));
        Agent agent = Agent.start(TestPayloads.loopbackConfig())) {
      Path torrentFile = write(temp.resolve("t/tree.torrent"), torrent);
      TorrentSession seeding = agent.seed(torrent, seedDir, TestPayloads.printingListener("agent"));
      tracker.awaitSeeder(torrent.infoHash(), Duration.ofSeconds(30));
      Path leechDir = temp.resolve("aria2-leech");
      List<String> command = new ArrayList<>(List.of("aria2c", "--seed-time=0"));
      command.addAll(ARIA2_QUIET);
      command.addAll(
          List.of(
              "--listen-port=" + ExternalProcess.freePort(),
              "-d",
              leechDir.toString(),
              torrentFile.toString()));
      try (ExternalProcess aria2 =
          ExternalProcess.start(leechDir, temp.resolve("aria2.log"), command)) {
        assertEquals(0, aria2.awaitExit(Duration.ofSeconds(60)), aria2.output());
      }
      assertEquals(TestPayloads.sha256(source), TestPayloads.sha256(leechDir.resolve("tree")));
      assertTrue(seeding.stats().bytesUploaded() >= torrent.totalLength());
    }
  }

  @Test
  @Timeout(240)
  void agentDownloadsFromTransmissionSeeder() throws Exception {
    Path seedDir = temp.resolve("transmission-seed");
    Path source = TestPayloads.write(seedDir.resolve("payload.bin"), 6_000_000, 31);
    int trackerPort = ExternalProcess.freePort();
    Metainfo torrent = torrentOf(source, OpenTracker.announceUrl(trackerPort));
    try (OpenTracker tracker =
        OpenTracker.start(temp.resolve("tracker"), trackerPort, List.of(torrent.infoHash()))) {
      Path torrentFile = write(temp.resolve("t/payload.torrent"), torrent);
      int port = ExternalProcess.freePort();
      Path config = temp.resolve("transmission-config");
      Files.createDirectories(config);
      // transmission-cli reads DHT, LSD, PEX, uTP and the bind address only from settings.json.
      Files.writeString(
          config.resolve("settings.json"),
          """
          {
            "bind-address-ipv4": "127.0.0.1",
            "bind-address-ipv6": "::1",
            "dht-enabled": false,
            "lpd-enabled": false,
            "pex-enabled": false,
            "utp-enabled": false,
            "port-forwarding-enabled": false,
            "encryption": 0,
            "peer-port": %d,
            "peer-port-random-on-start": false,
            "speed-limit-up-enabled": false,
            "ratio-limit-enabled": false,
            "download-dir": "%s"
          }
          """
              .formatted(port, seedDir));
      List<String> command =
          List.of(
              "transmission-cli",
              "-g",
              config.toString(),
              "-w",
              seedDir.toString(),
              "-p",
              Integer.toString(port),
              "-M",
              "-ep",
              torrentFile.toString());
      List<String> tolerated = new ArrayList<>(command);
      tolerated.set(tolerated.indexOf("-ep"), "-et");
      try (ExternalProcess transmission =
              ExternalProcess.start(seedDir, temp.resolve("transmission.log"), tolerated);
          Agent agent = Agent.start(TestPayloads.loopbackConfig())) {
        transmission.awaitPort(port, Duration.ofSeconds(60));
        TorrentSession session =
            agent.download(
                torrent,
                temp.resolve("agent"),
                temp.resolve("agent.resume"),
                TestPayloads.printingListener("agent"));
        TestPayloads.awaitCompletion(session, 200);
        assertEquals(
            TestPayloads.sha256(source), TestPayloads.sha256(temp.resolve("agent/payload.bin")));
        assertFromPeers(session.stats(), torrent);
      }
    }
  }

  @Test
  @Timeout(120)
  void aria2LeecherWithTheTorrentGetsNothingFromAnAgentServingAPrivateChannel() throws Exception {
    Path seedDir = temp.resolve("private-seed");
    Path source = TestPayloads.write(seedDir.resolve("secret.bin"), 3_000_000, 41);
    int trackerPort = ExternalProcess.freePort();
    Metainfo torrent = torrentOf(source, OpenTracker.announceUrl(trackerPort));
    TestFleet fleet = new TestFleet("Everseed fleet CA");
    try (OpenTracker tracker =
            OpenTracker.start(temp.resolve("tracker"), trackerPort, List.of(torrent.infoHash()));
        Agent agent =
            Agent.start(
                TestPayloads.loopbackConfig(),
                Optional.of(fleet.member("1").tls(fleet, RevokedSerials.none())))) {
      Path torrentFile = write(temp.resolve("t/secret.torrent"), torrent);
      TorrentSession seeding =
          agent.seed(
              torrent, seedDir, TestPayloads.printingListener("agent"), SwarmAccess.FLEET_ONLY);
      tracker.awaitSeeder(torrent.infoHash(), Duration.ofSeconds(30));
      Path leechDir = temp.resolve("aria2-leech");
      List<String> command =
          new ArrayList<>(List.of("aria2c", "--seed-time=0", "--bt-stop-timeout=15"));
      command.addAll(ARIA2_QUIET);
      command.addAll(
          List.of(
              "--listen-port=" + ExternalProcess.freePort(),
              "-d",
              leechDir.toString(),
              torrentFile.toString()));
      try (ExternalProcess aria2 =
          ExternalProcess.start(leechDir, temp.resolve("aria2.log"), command)) {
        // aria2c gives up after 15 s without a byte; it found the agent through the tracker
        assertTrue(aria2.awaitExit(Duration.ofSeconds(60)) != 0, aria2.output());
      }
      assertEquals(0, seeding.stats().bytesUploaded());
      Path leeched = leechDir.resolve("secret.bin");
      assertTrue(
          !Files.exists(leeched) || TestPayloads.isAllZeros(leeched),
          "aria2c wrote data it could only have had from the agent");
    }
  }

  private static void assertFromPeers(SessionStats stats, Metainfo torrent) {
    assertTrue(stats.complete());
    assertEquals(0, stats.bytesFromWebSeed());
    assertTrue(stats.bytesFromPeers() >= torrent.totalLength(), stats.toString());
  }
}
