package org.everseed.agent.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.everseed.agent.Agent;
import org.everseed.agent.TestPayloads;
import org.everseed.agent.peer.RevokedSerials;
import org.everseed.agent.peer.TestFleet;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.metainfo.TorrentCreator;
import org.everseed.api.wire.Handshake;
import org.everseed.api.wire.PeerAddress;
import org.everseed.api.wire.PeerIds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Swarms closed to standard clients (a private channel) and open ones, between real agents on
 * loopback: fleet agents complete over TLS, and whoever has no fleet identity gets nothing.
 */
@Timeout(90)
class TlsSwarmTest {

  static TestFleet fleet;

  @TempDir Path temp;

  @BeforeAll
  static void makeFleet() throws Exception {
    fleet = new TestFleet("Everseed fleet CA");
  }

  private Metainfo payload(String name, long size) throws Exception {
    Path source = TestPayloads.write(temp.resolve("seed").resolve(name), size, 5);
    return TorrentCreator.of(source).pieceLength(64 * 1024).create();
  }

  private static Agent fleetAgent(String agentId) throws Exception {
    return Agent.start(
        TestPayloads.loopbackConfig(),
        Optional.of(fleet.member(agentId).tls(fleet, RevokedSerials.none())));
  }

  private static List<PeerAddress> peer(Agent agent) {
    return List.of(new PeerAddress(InetAddress.getLoopbackAddress(), agent.listenPort()));
  }

  @Test
  void twoFleetAgentsCompleteAPrivateDownloadOverTls() throws Exception {
    Metainfo torrent = payload("private.bin", 3_000_000);
    try (Agent seeder = fleetAgent("1");
        Agent leecher = fleetAgent("2")) {
      seeder.seed(torrent, temp.resolve("seed"), SessionListener.NONE, SwarmAccess.FLEET_ONLY);
      TorrentSession download =
          leecher.download(
              torrent,
              temp.resolve("leech"),
              temp.resolve("leech.resume"),
              SessionListener.NONE,
              SwarmAccess.FLEET_ONLY);
      download.addPeers(peer(seeder));
      TestPayloads.awaitCompletion(download, 60);
      assertEquals(
          TestPayloads.sha256(temp.resolve("seed/private.bin")),
          TestPayloads.sha256(temp.resolve("leech/private.bin")));
      assertTrue(download.stats().bytesFromPeers() >= torrent.totalLength());
    }
  }

  @Test
  void aRawTcpClientThatKnowsTheInfoHashGetsNoByteFromAPrivateSeeder() throws Exception {
    Metainfo torrent = payload("secret.bin", 1_000_000);
    try (Agent seeder = fleetAgent("1")) {
      TorrentSession seeding =
          seeder.seed(torrent, temp.resolve("seed"), SessionListener.NONE, SwarmAccess.FLEET_ONLY);
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), seeder.listenPort())) {
        socket.setSoTimeout(10_000);
        socket
            .getOutputStream()
            .write(Handshake.of(torrent.infoHash(), PeerIds.newEverseedPeerId(), true).encode());
        socket.getOutputStream().write(new byte[] {0, 0, 0, 1, 2}); // interested
        assertEquals(-1, readOrReset(socket.getInputStream()), "not even a handshake answer");
      }
      assertEquals(0, seeding.stats().bytesUploaded());
    }
  }

  @Test
  void anAgentWithoutAFleetIdentityGetsNothingFromAPrivateSeeder() throws Exception {
    Metainfo torrent = payload("secret.bin", 1_000_000);
    try (Agent seeder = fleetAgent("1");
        Agent outsider = Agent.start(TestPayloads.loopbackConfig())) {
      TorrentSession seeding =
          seeder.seed(torrent, temp.resolve("seed"), SessionListener.NONE, SwarmAccess.FLEET_ONLY);
      TorrentSession download =
          outsider.download(
              torrent, temp.resolve("leech"), temp.resolve("leech.resume"), SessionListener.NONE);
      download.addPeers(peer(seeder));
      Thread.sleep(3_000); // several dial attempts
      assertEquals(0, download.stats().bytesFromPeers());
      assertEquals(0, seeding.stats().bytesUploaded());
    }
  }

  @Test
  void anAgentOfAnotherFleetGetsNothingFromAPrivateSeeder() throws Exception {
    Metainfo torrent = payload("secret.bin", 1_000_000);
    TestFleet other = new TestFleet("Everseed fleet CA");
    try (Agent seeder = fleetAgent("1");
        Agent outsider =
            Agent.start(
                TestPayloads.loopbackConfig(),
                Optional.of(other.member("2").tls(other, RevokedSerials.none())))) {
      TorrentSession seeding =
          seeder.seed(torrent, temp.resolve("seed"), SessionListener.NONE, SwarmAccess.FLEET_ONLY);
      TorrentSession download =
          outsider.download(
              torrent,
              temp.resolve("leech"),
              temp.resolve("leech.resume"),
              SessionListener.NONE,
              SwarmAccess.FLEET_ONLY);
      download.addPeers(peer(seeder));
      Thread.sleep(3_000);
      assertEquals(0, download.stats().bytesFromPeers());
      assertEquals(0, seeding.stats().bytesUploaded());
    }
  }

  @Test
  void aFleetAgentOnAnOpenChannelStillServesPlaintextPeers() throws Exception {
    Metainfo torrent = payload("open.bin", 2_000_000);
    try (Agent seeder = fleetAgent("1");
        Agent standard = Agent.start(TestPayloads.loopbackConfig())) {
      seeder.seed(torrent, temp.resolve("seed"), SessionListener.NONE, SwarmAccess.OPEN);
      TorrentSession download =
          standard.download(
              torrent, temp.resolve("leech"), temp.resolve("leech.resume"), SessionListener.NONE);
      download.addPeers(peer(seeder));
      TestPayloads.awaitCompletion(download, 60);
      assertEquals(
          TestPayloads.sha256(temp.resolve("seed/open.bin")),
          TestPayloads.sha256(temp.resolve("leech/open.bin")));
    }
  }

  private static int readOrReset(InputStream in) throws Exception {
    try {
      return in.read();
    } catch (SocketException reset) {
      return -1;
    }
  }
}
