package org.everseed.application.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.api.tracker.AnnounceEvent;
import org.everseed.api.tracker.IpLiteral;
import org.everseed.domain.model.tracking.Passkey;
import org.everseed.domain.model.tracking.PeerAnnouncement;
import org.everseed.domain.model.tracking.Site;
import org.everseed.domain.model.tracking.TrackerAccount;
import org.everseed.domain.model.tracking.TrackerRegistrations;
import org.everseed.domain.settings.PeerLimits;
import org.everseed.infrastructure.tracker.InMemoryPeerRegistry;
import org.junit.jupiter.api.Test;

class TrackerAccessTest {
  static final Passkey KEY = Passkey.of("0123456789abcdef0123456789abcdef");
  static final InfoHash HASH = InfoHash.fromHex("12".repeat(20));

  /** The system of record, as the catalog and the fleet would change it. */
  static final class Rows implements TrackerRegistrations {
    final Map<Passkey, TrackerAccount> accounts = new HashMap<>();
    final Set<InfoHash> torrents = new HashSet<>();
    int completedReads;

    @Override
    public Map<Passkey, TrackerAccount> liveAccounts() {
      return accounts;
    }

    @Override
    public Set<InfoHash> trackedTorrents() {
      return torrents;
    }

    @Override
    public Map<InfoHash, Long> completedDownloads() {
      completedReads++;
      return Map.of(HASH, 3L);
    }
  }

  final Rows rows = new Rows();
  final InMemoryPeerRegistry registry = new InMemoryPeerRegistry(PeerLimits.DEFAULTS);
  final TrackerAccess access = new TrackerAccess(rows, registry, Runnable::run);

  @Test
  void nothingIsAdmittedBeforeTheFirstRefresh() {
    assertTrue(access.current().accounts().isEmpty());
    assertTrue(access.current().torrents().isEmpty());
  }

  @Test
  void revocationEventRemovesThePasskeyAtOnce() {
    rows.accounts.put(KEY, TrackerAccount.agent(KEY, 1, Site.UNKNOWN, true));
    access.refresh();
    assertTrue(access.current().accounts().containsKey(KEY));

    rows.accounts.clear(); // the fleet revokes, then fires the event
    access.onRegistrationsChanged(new TrackerRegistrationsChanged("passkey revoked"));

    assertTrue(access.current().accounts().isEmpty());
  }

  @Test
  void retiredTorrentLosesItsSwarmOnRefresh() {
    rows.torrents.add(HASH);
    access.refresh();
    registry.announce(
        new PeerAnnouncement(
            HASH,
            KEY,
            IpLiteral.compactEndpoint(new byte[] {10, 0, 0, 1}, 1),
            new byte[20],
            Site.UNKNOWN,
            true,
            AnnounceEvent.STARTED,
            50),
        0);
    assertEquals(1, registry.peerCount());

    rows.torrents.clear();
    access.onRegistrationsChanged(new TrackerRegistrationsChanged("release retired"));

    assertEquals(0, registry.peerCount());
    assertTrue(access.current().torrents().isEmpty());
  }

  @Test
  void completedDownloadsAreReadOnceSoTheyAreNotCountedTwice() {
    access.refresh();
    access.refresh();
    assertEquals(1, rows.completedReads);
    assertEquals(3L, access.current().completed().get(HASH));
  }
}
