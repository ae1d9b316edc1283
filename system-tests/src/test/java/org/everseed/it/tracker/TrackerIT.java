package org.everseed.it.tracker;

import static org.everseed.it.tracker.TrackerClient.announceQuery;
import static org.everseed.it.tracker.TrackerClient.await;
import static org.everseed.it.tracker.TrackerClient.failure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.everseed.api.bencode.BDictionary;
import org.everseed.api.bencode.BString;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.api.metainfo.PercentEncoding;
import org.everseed.it.SystemExtension;
import org.everseed.system.EverseedSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tracker over HTTP against the deployed EAR: real rows in PostgreSQL decide who may announce
 * (the server re-reads them every second in this test configuration), answers are decoded as a
 * client would.
 */
@ExtendWith(SystemExtension.class)
class TrackerIT {
  static final Duration PICKED_UP = Duration.ofSeconds(20);

  TrackerRows rows;
  TrackerClient client;
  InfoHash torrent;

  @BeforeEach
  void setUp(EverseedSystem system) throws Exception {
    rows = new TrackerRows(system);
    client = new TrackerClient(system.wildFly().baseUrl());
    torrent = TrackerRows.randomInfoHash();
    rows.release(torrent);
  }

  /** Announces until the tracker has picked up the passkey and the torrent; returns the answer. */
  BDictionary admitted(String passkey, String query) throws Exception {
    return await(() -> client.announce(passkey, query), a -> failure(a) == null, PICKED_UP);
  }

  static byte[] endpoint(int port) {
    return new byte[] {127, 0, 0, 1, (byte) (port >>> 8), (byte) port};
  }

  static List<Integer> ports(byte[] compact) {
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < compact.length; i += 6) {
      ports.add((compact[i + 4] & 0xFF) << 8 | compact[i + 5] & 0xFF);
    }
    return ports;
  }

  @Test
  void announceRoundTripInTheCompactAndTheDictionaryModels() throws Exception {
    String seeder = rows.agentPasskey("hq");
    String leecher = rows.agentPasskey("hq");
    BDictionary first = admitted(seeder, announceQuery(torrent, 40001, 0, "&event=started"));
    assertEquals(0, first.getString("peers").bytes().length, "alone in the swarm");
    assertEquals(3, first.getLong("interval"));
    assertEquals(1, first.getLong("min interval"));

    BDictionary compact = admitted(leecher, announceQuery(torrent, 40002, 100, "&event=started"));
    assertArrayEquals(endpoint(40001), compact.getString("peers").bytes());
    assertEquals(1, compact.getLong("complete"));
    assertEquals(1, compact.getLong("incomplete"));

    BDictionary dictionary =
        client.announce(leecher, announceQuery(torrent, 40002, 100, "&compact=0"));
    BDictionary peer = (BDictionary) dictionary.getList("peers").values().get(0);
    assertEquals("127.0.0.1", peer.getText("ip"));
    assertEquals(40001, peer.getLong("port"));
    assertArrayEquals(TrackerClient.peerId(40001), peer.getString("peer id").bytes());

    BDictionary withoutIds =
        client.announce(leecher, announceQuery(torrent, 40002, 100, "&compact=0&no_peer_id=1"));
    BDictionary bare = (BDictionary) withoutIds.getList("peers").values().get(0);
    assertFalse(bare.containsKey("peer id"));

    BDictionary seederView = client.announce(seeder, announceQuery(torrent, 40001, 0, ""));
    assertEquals(List.of(40002), ports(seederView.getString("peers").bytes()));
  }

  @Test
  void responseIsBencodedTextPlainWithExactLength(EverseedSystem system) throws Exception {
    String passkey = rows.agentPasskey("hq");
    admitted(passkey, announceQuery(torrent, 40011, 0, ""));
    HttpResponse<byte[]> response =
        client.get("/announce/" + passkey + "?" + announceQuery(torrent, 40011, 0, ""));
    assertEquals(200, response.statusCode());
    assertEquals("text/plain", response.headers().firstValue("Content-Type").orElse(""));
    assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertEquals(
        String.valueOf(response.body().length),
        response.headers().firstValue("Content-Length").orElse(""));
  }

  @Test
  void infoHashWithEveryKindOfByteIsDecodedExactly() throws Exception {
    // 0x00, 0x20 sent as '+', '%' itself, high bytes, unreserved letters sent literally
    byte[] raw = new byte[20];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = (byte) (i * 13 + 0xF0);
    }
    raw[0] = 0;
    raw[1] = ' ';
    raw[2] = '%';
    raw[3] = 'a';
    InfoHash awkward = InfoHash.of(raw);
    rows.release(awkward);
    String encoded = PercentEncoding.encode(raw).replace("%20", "+");
    String passkey = rows.agentPasskey("hq");
    String query =
        "info_hash="
            + encoded
            + "&peer_id="
            + PercentEncoding.encode(TrackerClient.peerId(40021))
            + "&port=40021&uploaded=0&downloaded=0&left=0";
    admitted(passkey, query);
    BDictionary scrape = client.scrape(passkey, "info_hash=" + PercentEncoding.encode(raw));
    BDictionary files = scrape.getDict("files");
    assertEquals(1, files.size());
    assertArrayEquals(raw, files.entries().firstKey().bytes());
    assertEquals(1, ((BDictionary) files.entries().get(new BString(raw))).getLong("complete"));
  }

  @Test
  void scrapeCountsSeedersLeechersAndCompletedDownloads() throws Exception {
    String a = rows.agentPasskey("hq");
    String b = rows.agentPasskey("hq");
    InfoHash other = TrackerRows.randomInfoHash();
    rows.release(other);
    admitted(a, announceQuery(torrent, 40031, 10, "&event=started"));
    client.announce(a, announceQuery(torrent, 40031, 0, "&event=completed"));
    admitted(b, announceQuery(torrent, 40032, 10, "&event=started"));
    admitted(b, announceQuery(other, 40032, 10, "&event=started"));

    BDictionary files =
        client
            .scrape(
                b,
                "info_hash="
                    + PercentEncoding.encode(torrent.bytes())
                    + "&info_hash="
                    + PercentEncoding.encode(other.bytes()))
            .getDict("files");
    assertEquals(2, files.size());
    BDictionary stats = (BDictionary) files.entries().get(new BString(torrent.bytes()));
    assertEquals(1, stats.getLong("complete"));
    assertEquals(1, stats.getLong("incomplete"));
    assertEquals(1, stats.getLong("downloaded"));
    BDictionary otherStats = (BDictionary) files.entries().get(new BString(other.bytes()));
    assertEquals(0, otherStats.getLong("complete"));
    assertEquals(1, otherStats.getLong("incomplete"));

    // the same figures reach swarm_stats, where the catalog reads them
    TrackerClient.eventually(
        () ->
            rows.count(
                    "select count(*) from swarm_stats where info_hash = ? and seeders = 1"
                        + " and leechers = 1 and completed = 1",
                    torrent.toHex())
                == 1,
        Duration.ofSeconds(30));
  }

  @Test
  void privateModeRefusesWithAReasonAndHttp200() throws Exception {
    String good = rows.agentPasskey("hq");
    String query = announceQuery(torrent, 40041, 0, "");
    admitted(good, query);

    assertEquals(
        "unknown or revoked passkey", failure(client.announce(TrackerRows.randomPasskey(), query)));
    assertEquals("unknown or revoked passkey", failure(client.announce("not-a-passkey", query)));
    assertEquals("unknown or revoked passkey", failure(client.bencoded("/announce/?" + query)));
    InfoHash unregistered = TrackerRows.randomInfoHash();
    assertEquals(
        "torrent " + unregistered.toHex() + " is not registered with this tracker (or retired)",
        failure(client.announce(good, announceQuery(unregistered, 40041, 0, ""))));
    assertEquals(
        "missing parameter peer_id",
        failure(client.announce(good, "info_hash=" + PercentEncoding.encode(torrent.bytes()))));
    // A malformed escape (%zz) never reaches the tracker: Undertow answers 400 itself.
    assertEquals(
        "info_hash is longer than 256 bytes once decoded",
        failure(client.announce(good, "info_hash=" + "%00".repeat(300))));
    assertEquals(
        "parameter info_hash given more than once",
        failure(
            client.announce(
                good, query + "&info_hash=" + PercentEncoding.encode(torrent.bytes()))));
    assertEquals(
        "port must be 1..65535, got 0",
        failure(client.announce(good, announceQuery(torrent, 0, 0, ""))));
    assertEquals(
        "missing parameter info_hash (no full scrape here)", failure(client.scrape(good, "")));
  }

  @Test
  void revokedPasskeysDisabledAgentsAndRetiredTorrentsAreRefusedOnceTheRowsChange()
      throws Exception {
    String revoked = rows.agentPasskey("hq");
    String disabled = rows.agentPasskey("hq");
    String user = rows.userPasskey("alice-" + TrackerRows.randomPasskey());
    String query = announceQuery(torrent, 40051, 0, "");
    admitted(revoked, query);
    admitted(disabled, query);
    admitted(user, query);

    rows.revoke(revoked);
    rows.disableAgentOf(disabled);
    assertEquals(
        "unknown or revoked passkey",
        failure(await(() -> client.announce(revoked, query), a -> failure(a) != null, PICKED_UP)));
    assertEquals(
        "this agent is disabled",
        failure(await(() -> client.announce(disabled, query), a -> failure(a) != null, PICKED_UP)));

    rows.retire(torrent);
    assertEquals(
        "torrent " + torrent.toHex() + " is not registered with this tracker (or retired)",
        failure(await(() -> client.announce(user, query), a -> failure(a) != null, PICKED_UP)));
  }

  @Test
  void sameSitePeersComeFirstAndSameSiteSeedersBeforeThem() throws Exception {
    String parisSeeder = rows.agentPasskey("paris");
    String parisLeecher = rows.agentPasskey("paris");
    String osloSeeder = rows.agentPasskey("oslo");
    String osloLeecher = rows.agentPasskey("oslo");
    String requester = rows.agentPasskey("paris");
    admitted(osloSeeder, announceQuery(torrent, 40061, 0, ""));
    admitted(osloLeecher, announceQuery(torrent, 40062, 5, ""));
    admitted(parisLeecher, announceQuery(torrent, 40063, 5, ""));
    admitted(parisSeeder, announceQuery(torrent, 40064, 0, ""));

    BDictionary answer = admitted(requester, announceQuery(torrent, 40065, 5, ""));
    assertEquals(
        List.of(40064, 40063, 40061, 40062),
        ports(answer.getString("peers").bytes()),
        "paris seeder, paris leecher, oslo seeder, oslo leecher");
    BDictionary asSeeder = client.announce(requester, announceQuery(torrent, 40065, 0, ""));
    assertEquals(
        List.of(40063, 40062),
        ports(asSeeder.getString("peers").bytes()),
        "a seeder gets only leechers, same site first");
  }

  @Test
  void silentPeersExpireAndStoppedPeersLeaveAtOnce() throws Exception {
    String silent = rows.agentPasskey("hq");
    String stopping = rows.agentPasskey("hq");
    String watcher = rows.agentPasskey("hq");
    admitted(silent, announceQuery(torrent, 40071, 0, ""));
    admitted(stopping, announceQuery(torrent, 40072, 0, ""));
    BDictionary both = admitted(watcher, announceQuery(torrent, 40073, 5, ""));
    assertEquals(2, ports(both.getString("peers").bytes()).size());

    BDictionary stopped =
        client.announce(stopping, announceQuery(torrent, 40072, 0, "&event=stopped"));
    assertEquals(0, stopped.getString("peers").bytes().length);
    assertEquals(
        List.of(40071),
        ports(
            client
                .announce(watcher, announceQuery(torrent, 40073, 5, ""))
                .getString("peers")
                .bytes()));

    // interval 3 s × expiry factor 2 in the test configuration: the silent seeder goes within ~8 s
    BDictionary after =
        await(
            () -> client.announce(watcher, announceQuery(torrent, 40073, 5, "")),
            a -> a.getString("peers").bytes().length == 0,
            Duration.ofSeconds(30));
    assertEquals(0, after.getLong("complete"));
    assertEquals(1, after.getLong("incomplete"));
  }

  @Test
  void startedCompletedAndStoppedAreWrittenToTheAuditTrail() throws Exception {
    String passkey = rows.agentPasskey("lyon");
    admitted(passkey, announceQuery(torrent, 40081, 1000, "&event=started"));
    client.announce(
        passkey,
        announceQuery(torrent, 40081, 0, "&event=completed")
            .replace("downloaded=0", "downloaded=1000"));
    client.announce(
        passkey,
        announceQuery(torrent, 40081, 0, "&event=stopped").replace("uploaded=0", "uploaded=77"));

    Duration batchWritten = Duration.ofSeconds(20);
    TrackerClient.eventually(
        () -> rows.count("select count(*) from tracker_event where passkey = ?", passkey) == 3,
        batchWritten);
    assertEquals(
        1,
        rows.count(
            "select count(*) from tracker_event where passkey = ? and info_hash = ? and event ="
                + " 'COMPLETED' and downloaded = 1000 and left_bytes = 0 and site = 'lyon' and ip ="
                + " '127.0.0.1' and port = 40081 and agent_id is not null",
            passkey,
            torrent.toHex()));
    TrackerClient.eventually(
        () ->
            rows.count(
                    "select count(*) from tracker_transfer where passkey = ? and uploaded = 77",
                    passkey)
                == 1,
        batchWritten);
    assertTrue(
        rows.count("select announces from tracker_transfer where passkey = ?", passkey) >= 3);
  }
}
