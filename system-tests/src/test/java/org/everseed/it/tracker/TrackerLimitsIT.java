package org.everseed.it.tracker;

import static org.everseed.it.tracker.TrackerClient.announceQuery;
import static org.everseed.it.tracker.TrackerClient.await;
import static org.everseed.it.tracker.TrackerClient.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.everseed.api.bencode.BDictionary;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.it.SystemExtension;
import org.everseed.system.EverseedSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tracker's peer limits played by an attacker against the deployed server: one passkey that
 * announces many ports across many torrents, and more peers than a swarm may hold. The test server
 * runs with small limits ({@code SystemExtension.TRACKER_SETTINGS}): 4 peers per passkey in a
 * swarm, 40 per passkey, 16 per swarm. Peers expire 6 s after their last announce there, so each
 * case announces everything in one quick burst.
 */
@ExtendWith(SystemExtension.class)
class TrackerLimitsIT {
  static final int PER_PASSKEY_PER_SWARM = 4;
  static final int PER_PASSKEY = 40;
  static final int PER_SWARM = 16;
  static final Duration PICKED_UP = Duration.ofSeconds(20);

  TrackerRows rows;
  TrackerClient client;

  @BeforeEach
  void setUp(EverseedSystem system) {
    rows = new TrackerRows(system);
    client = new TrackerClient(system.wildFly().baseUrl());
  }

  BDictionary admitted(String passkey, String query) throws Exception {
    return await(() -> client.announce(passkey, query), a -> failure(a) == null, PICKED_UP);
  }

  BDictionary announce(String passkey, InfoHash torrent, int port, long left) throws Exception {
    BDictionary answer = client.announce(passkey, announceQuery(torrent, port, left, ""));
    assertNull(failure(answer), "a peer past a limit is answered, never refused");
    return answer;
  }

  static List<Integer> ports(BDictionary answer) {
    byte[] compact = answer.getString("peers").bytes();
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < compact.length; i += 6) {
      ports.add((compact[i + 4] & 0xFF) << 8 | compact[i + 5] & 0xFF);
    }
    return ports;
  }

  static long peers(BDictionary answer) {
    return answer.getLong("complete") + answer.getLong("incomplete");
  }

  @Test
  void onePasskeyAnnouncingManyPortsAcrossTorrentsCannotPushOtherSwarmsPeersOut() throws Exception {
    List<InfoHash> torrents = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      torrents.add(TrackerRows.randomInfoHash());
      rows.release(torrents.get(i));
    }
    InfoHash first = torrents.get(0);
    InfoHash last = torrents.get(torrents.size() - 1);
    String victim = rows.agentPasskey("hq");
    String otherVictim = rows.agentPasskey("hq");
    String hostile = rows.agentPasskey("hq");
    String newcomer = rows.agentPasskey("hq");
    // The last rows inserted are admitted: so is everything inserted before them.
    admitted(newcomer, announceQuery(last, 21599, 0, "&event=stopped"));
    admitted(hostile, announceQuery(last, 21598, 0, "&event=stopped"));

    announce(victim, first, 21550, 0);
    announce(otherVictim, last, 21551, 0);
    for (InfoHash torrent : torrents) {
      for (int port = 21500; port < 21500 + PER_PASSKEY_PER_SWARM + 2; port++) {
        announce(hostile, torrent, port, 100);
      }
    }

    BDictionary inFirst = announce(victim, first, 21550, 0);
    assertEquals(1, inFirst.getLong("complete"), "the victim's seeder is still in its swarm");
    assertEquals(
        PER_PASSKEY_PER_SWARM,
        inFirst.getLong("incomplete"),
        "the hostile passkey holds its share of the swarm, no more");
    long hostilePeers = 0;
    for (InfoHash torrent : torrents) {
      hostilePeers +=
          client.announce(hostile, announceQuery(torrent, 21500, 100, "")).getLong("incomplete");
    }
    assertEquals(PER_PASSKEY, hostilePeers, "the hostile passkey's total over all swarms");

    BDictionary inLast = announce(otherVictim, last, 21551, 0);
    assertEquals(1, inLast.getLong("complete"), "the other victim's seeder is still there");
    assertEquals(0, inLast.getLong("incomplete"), "the hostile passkey had spent its total");
    BDictionary joined = announce(newcomer, last, 21552, 100);
    assertEquals(List.of(21551), ports(joined), "the newcomer finds the seeder");
    assertEquals(
        List.of(21552),
        ports(announce(otherVictim, last, 21551, 0)),
        "and is stored and handed out in turn");
  }

  @Test
  void swarmCapHoldsAndPeersPastItStillGetAnswers() throws Exception {
    InfoHash torrent = TrackerRows.randomInfoHash();
    rows.release(torrent);
    List<String> passkeys = new ArrayList<>();
    for (int i = 0; i < PER_SWARM + 4; i++) {
      passkeys.add(rows.agentPasskey("hq"));
    }
    admitted(passkeys.get(passkeys.size() - 1), announceQuery(torrent, 21599, 0, "&event=stopped"));

    BDictionary answer = null;
    for (int i = 0; i < passkeys.size(); i++) {
      answer = announce(passkeys.get(i), torrent, 21560 + i, 100);
      assertEquals(Math.min(i + 1, PER_SWARM), peers(answer), "swarm size after announce " + i);
    }
    assertEquals(PER_SWARM, ports(answer).size(), "the last one still gets the whole swarm");
    assertTrue(ports(answer).stream().allMatch(port -> port < 21560 + PER_SWARM));

    BDictionary stopped =
        client.announce(passkeys.get(0), announceQuery(torrent, 21560, 100, "&event=stopped"));
    assertEquals(PER_SWARM - 1, peers(stopped));
    BDictionary late = announce(passkeys.get(passkeys.size() - 1), torrent, 21579, 100);
    assertEquals(PER_SWARM, peers(late), "room again after a stop");
  }
}
