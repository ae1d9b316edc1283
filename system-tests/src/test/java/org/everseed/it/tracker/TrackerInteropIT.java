package org.everseed.it.tracker;

import static org.everseed.it.tracker.TrackerClient.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.metainfo.PercentEncoding;
import org.everseed.it.SystemExtension;
import org.everseed.system.EverseedSystem;
import org.everseed.system.ManagedProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * Real BitTorrent clients from Debian find each other only through Everseed's tracker and complete
 * a transfer: a private torrent made by {@code mktorrent}, every client on 127.0.0.1 with its own
 * port and DHT, local discovery, peer exchange and port mapping off, every process bounded in time
 * and stopped by PID.
 */
@ExtendWith(SystemExtension.class)
class TrackerInteropIT {
  static final Duration TRANSFER_TIMEOUT = Duration.ofSeconds(90);
  static final int PAYLOAD_BYTES = 3 * 1024 * 1024 + 12_345;

  @TempDir Path work;
  final List<ManagedProcess> processes = new ArrayList<>();
  EverseedSystem system;
  TrackerRows rows;
  Path payload;
  String payloadSha256;

  @BeforeEach
  void setUp(EverseedSystem system, org.junit.jupiter.api.TestInfo test) throws Exception {
    this.system = system;
    rows = new TrackerRows(system);
    Path seedDir = Files.createDirectories(work.resolve("seed"));
    payload = seedDir.resolve("payload.bin");
    byte[] bytes = new byte[PAYLOAD_BYTES];
    // A payload per test, so each test has its own info-hash and swarm
    new Random(test.getDisplayName().hashCode()).nextBytes(bytes);
    Files.write(payload, bytes);
    payloadSha256 = sha256(payload);
  }

  @AfterEach
  void stopClients() {
    for (ManagedProcess process : processes) {
      process.close();
    }
  }

  @Test
  void aria2SeederToAria2Leecher() throws Exception {
    String seederKey = rows.agentPasskey("hq");
    String leecherKey = rows.agentPasskey("hq");
    Path torrent = privateTorrent("aria2.torrent");
    Path leechDir = Files.createDirectories(work.resolve("aria2-leech"));

    start("aria2c-seeder", aria2(torrent, seederKey, payload.getParent(), freePort(), true));
    awaitSeeder(seederKey, torrent);
    ManagedProcess leecher =
        start("aria2c-leecher", aria2(torrent, leecherKey, leechDir, freePort(), false));

    awaitSameContent(leechDir.resolve("payload.bin"), leecher);
  }

  @Test
  void transmissionSeederToQbittorrentLeecher() throws Exception {
    String seederKey = rows.agentPasskey("hq");
    String leecherKey = rows.agentPasskey("hq");
    // One torrent file per client: each carries its own passkey in the announce URL.
    Path seederTorrent = privateTorrent("transmission.torrent", seederKey);
    Path leecherTorrent = privateTorrent("qbittorrent.torrent", leecherKey);
    Path leechDir = Files.createDirectories(work.resolve("qbt-leech"));

    start("transmission-seeder", transmission(seederTorrent, payload.getParent(), freePort()));
    awaitSeeder(seederKey, seederTorrent);
    ManagedProcess leecher = start("qbittorrent-leecher", qbittorrent(leecherTorrent, leechDir));

    awaitSameContent(leechDir.resolve("payload.bin"), leecher);
  }

  /** A private torrent announcing to the tracker with a placeholder passkey; registered. */
  Path privateTorrent(String name) throws Exception {
    return privateTorrent(name, "PASSKEY");
  }

  Path privateTorrent(String name, String passkey) throws Exception {
    Path torrent = work.resolve(name);
    run(
        List.of(
            "mktorrent",
            "-p",
            "-l",
            "18",
            "-a",
            system.wildFly().baseUrl() + "/announce/" + passkey,
            "-o",
            torrent.toString(),
            payload.toString()),
        Duration.ofSeconds(30));
    InfoHash infoHash = Metainfo.read(torrent).infoHash();
    if (rows.count("select count(*) from release where info_hash = ?", infoHash.toHex()) == 0) {
      rows.release(infoHash);
    }
    return torrent;
  }

  /** aria2c: the passkey goes in through {@code --bt-tracker}, replacing the torrent's tracker. */
  List<String> aria2(Path torrent, String passkey, Path dir, int port, boolean seeding)
      throws Exception {
    awaitAdmitted(passkey, Metainfo.read(torrent).infoHash());
    List<String> command =
        new ArrayList<>(
            List.of(
                "timeout",
                "120",
                "aria2c",
                "--no-conf",
                "--bt-exclude-tracker=*",
                "--bt-tracker=" + system.wildFly().baseUrl() + "/announce/" + passkey,
                "--enable-dht=false",
                "--enable-dht6=false",
                "--bt-enable-lpd=false",
                "--enable-peer-exchange=false",
                "--interface=127.0.0.1",
                "--listen-port=" + port,
                "--file-allocation=none",
                "--summary-interval=0",
                "--console-log-level=warn",
                "--dir=" + dir));
    if (seeding) {
      command.addAll(List.of("-V", "--seed-ratio=0.0"));
    } else {
      command.add("--seed-time=0");
    }
    command.add(torrent.toString());
    return command;
  }

  List<String> transmission(Path torrent, Path dir, int port) throws Exception {
    awaitAdmitted(passkeyOf(torrent), Metainfo.read(torrent).infoHash());
    Path config = Files.createDirectories(work.resolve("transmission-config"));
    Files.writeString(
        config.resolve("settings.json"),
        """
        {
          "bind-address-ipv4": "127.0.0.1",
          "bind-address-ipv6": "::1",
          "blocklist-enabled": false,
          "dht-enabled": false,
          "lpd-enabled": false,
          "pex-enabled": false,
          "utp-enabled": false,
          "port-forwarding-enabled": false,
          "peer-port": %d,
          "peer-port-random-on-start": false,
          "rpc-enabled": false,
          "ratio-limit-enabled": false,
          "speed-limit-up-enabled": false,
          "download-dir": "%s",
          "message-level": 1
        }
        """
            .formatted(port, dir));
    return List.of(
        "timeout",
        "120",
        "transmission-cli",
        "-g",
        config.toString(),
        "-w",
        dir.toString(),
        "-p",
        String.valueOf(port),
        "-M",
        torrent.toString());
  }

  List<String> qbittorrent(Path torrent, Path dir) throws Exception {
    awaitAdmitted(passkeyOf(torrent), Metainfo.read(torrent).infoHash());
    Path profile = work.resolve("qbt-profile");
    Path configDir = Files.createDirectories(profile.resolve("qBittorrent/config"));
    int webUi = freePort();
    // Written before the first start: the defaults listen everywhere with UPnP, DHT and LSD on.
    Files.writeString(
        configDir.resolve("qBittorrent.conf"),
        """
        [LegalNotice]
        Accepted=true

        [BitTorrent]
        Session\\DHTEnabled=false
        Session\\LSDEnabled=false
        Session\\PeXEnabled=false
        Session\\Port=%d
        Session\\Interface=lo
        Session\\InterfaceName=lo
        Session\\InterfaceAddress=127.0.0.1
        Session\\MultiConnectionsPerIp=true
        Session\\DefaultSavePath=%s
        Session\\TempPathEnabled=false
        Session\\Preallocation=false

        [Network]
        PortForwardingEnabled=false

        [Preferences]
        Connection\\UPnP=false
        General\\Locale=en
        WebUI\\Address=127.0.0.1
        WebUI\\Port=%d
        WebUI\\LocalHostAuth=false
        WebUI\\UseUPnP=false
        """
            .formatted(freePort(), dir, webUi));
    return List.of(
        "timeout",
        "120",
        "qbittorrent-nox",
        "--profile=" + profile,
        "--webui-port=" + webUi,
        "--save-path=" + dir,
        "--skip-dialog=true",
        torrent.toString());
  }

  String passkeyOf(Path torrent) throws IOException {
    String announce = Metainfo.read(torrent).announce().orElseThrow();
    return announce.substring(announce.lastIndexOf('/') + 1);
  }

  /**
   * Waits until the tracker admits the passkey and the torrent (it re-reads rows every second
   * here), probing with a {@code stopped} announce so no phantom peer enters the swarm.
   */
  void awaitAdmitted(String passkey, InfoHash infoHash) throws Exception {
    TrackerClient client = new TrackerClient(system.wildFly().baseUrl());
    String probe =
        "info_hash="
            + PercentEncoding.encode(infoHash.bytes())
            + "&peer_id="
            + PercentEncoding.encode(TrackerClient.peerId(1))
            + "&port=1&uploaded=0&downloaded=0&left=0&event=stopped";
    TrackerClient.await(
        () -> client.announce(passkey, probe), a -> failure(a) == null, Duration.ofSeconds(20));
  }

  /**
   * Waits until the seeder has announced. libtorrent re-announces no sooner than its own minimum (5
   * minutes), so a leecher that started first would not hear of the seeder within the test.
   */
  void awaitSeeder(String passkey, Path torrent) throws Exception {
    TrackerClient client = new TrackerClient(system.wildFly().baseUrl());
    InfoHash infoHash = Metainfo.read(torrent).infoHash();
    String query = "info_hash=" + PercentEncoding.encode(infoHash.bytes());
    TrackerClient.await(
        () -> client.scrape(passkey, query),
        answer ->
            ((org.everseed.api.bencode.BDictionary)
                        answer
                            .getDict("files")
                            .entries()
                            .get(new org.everseed.api.bencode.BString(infoHash.bytes())))
                    .getLong("complete")
                >= 1,
        Duration.ofSeconds(30));
  }

  ManagedProcess start(String name, List<String> command) {
    ManagedProcess process =
        ManagedProcess.start(
            name, command, work, Map.of("HOME", work.toString()), work.resolve(name + ".log"));
    processes.add(process);
    return process;
  }

  /** Polls the leecher's file until its SHA-256 is the payload's; the clients' logs on failure. */
  void awaitSameContent(Path downloaded, ManagedProcess leecher) throws Exception {
    Instant deadline = Instant.now().plus(TRANSFER_TIMEOUT);
    String last = "(no file)";
    while (Instant.now().isBefore(deadline)) {
      if (Files.isRegularFile(downloaded) && Files.size(downloaded) == PAYLOAD_BYTES) {
        last = sha256(downloaded);
        if (last.equals(payloadSha256)) {
          return;
        }
      }
      if (!leecher.isAlive() && !Files.isRegularFile(downloaded)) {
        break;
      }
      Thread.sleep(300);
    }
    StringBuilder logs = new StringBuilder();
    for (ManagedProcess p : processes) {
      logs.append(p.logTail()).append('\n');
    }
    Path qbittorrentLog = work.resolve("qbt-profile/qBittorrent/data/logs/qbittorrent.log");
    if (Files.isRegularFile(qbittorrentLog)) {
      logs.append(Files.readString(qbittorrentLog));
    }
    throw new AssertionFailedError(
        "the leecher never got the payload (last SHA-256 " + last + ")\n" + logs);
  }

  static void run(List<String> command, Duration timeout) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (InputStream out = process.getInputStream()) {
      byte[] output = out.readAllBytes();
      if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        throw new AssertionFailedError(command.get(0) + " did not finish");
      }
      assertEquals(0, process.exitValue(), command + ": " + new String(output));
    } finally {
      process.destroyForcibly();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  static String sha256(Path file) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
