package org.everseed.application.tracker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.api.metainfo.PercentEncoding;
import org.everseed.api.tracker.AnnounceEvent;
import org.everseed.api.tracker.IpLiteral;
import org.everseed.api.tracker.QueryParameters;
import org.everseed.api.tracker.ScrapeEntry;
import org.everseed.api.tracker.TrackerRequestException;
import org.everseed.domain.model.tracking.Passkey;
import org.everseed.domain.model.tracking.Site;
import org.everseed.domain.model.tracking.SwarmStatistics;
import org.everseed.domain.model.tracking.TrackerAccount;
import org.everseed.domain.model.tracking.TrackingEvent;
import org.everseed.domain.settings.PeerLimits;
import org.everseed.domain.settings.TrackerConfiguration;
import org.everseed.infrastructure.tracker.InMemoryPeerRegistry;
import org.junit.jupiter.api.Test;

class TrackerTest {
  static final Passkey AGENT_KEY = Passkey.of("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
  static final Passkey DISABLED_KEY = Passkey.of("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
  static final Passkey USER_KEY = Passkey.of("cccccccccccccccccccccccccccccccc");
  static final InfoHash TRACKED = InfoHash.fromHex("00ff".repeat(10));
  static final InfoHash UNTRACKED = InfoHash.fromHex("ee".repeat(20));

  final AtomicReference<Admissions> admissions =
      new AtomicReference<>(
          new Admissions(
              Map.of(
                  AGENT_KEY, TrackerAccount.agent(AGENT_KEY, 1, new Site("paris"), true),
                  DISABLED_KEY, TrackerAccount.agent(DISABLED_KEY, 2, new Site("paris"), false),
                  USER_KEY, TrackerAccount.user(USER_KEY, "alice", new Site("oslo"))),
              Set.of(TRACKED),
              Map.of(TRACKED, 7L)));
  final TrackingEventRecorder recorder = new TrackingEventRecorder(1000);
  final Clock clock = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);

  Tracker tracker(TrackerConfiguration configuration) {
    return new Tracker(
        configuration,
        admissions::get,
        new InMemoryPeerRegistry(configuration.peerLimits()),
        recorder,
        clock);
  }

  final Tracker tracker = tracker(TrackerConfiguration.DEFAULTS);

  static String query(InfoHash hash, int port, long left, String extra) {
    byte[] peerId = new byte[20];
    peerId[19] = (byte) port;
    return "info_hash="
        + PercentEncoding.encode(hash.bytes())
        + "&peer_id="
        + PercentEncoding.encode(peerId)
        + "&port="
        + port
        + "&uploaded=0&downloaded=0&left="
        + left
        + extra;
  }

  AnnounceAnswer announce(Tracker t, Passkey key, int port, long left, String extra) {
    return t.announce(
        key.value(), QueryParameters.parse(query(TRACKED, port, left, extra)), "10.0.0.1");
  }

  String refusal(Runnable call) {
    return assertThrows(TrackerRequestException.class, call::run).failureReason();
  }

  @Test
  void announceReturnsTheOtherPeersWithCountsAndIntervals() {
    announce(tracker, AGENT_KEY, 1001, 0, "&event=started");
    AnnounceAnswer answer = announce(tracker, USER_KEY, 1002, 100, "&event=started");
    assertEquals(600, answer.intervalSeconds());
    assertEquals(60, answer.minIntervalSeconds());
    assertEquals(1, answer.swarm().seeders());
    assertEquals(1, answer.swarm().leechers());
    assertEquals(1, answer.swarm().count());
    assertArrayEquals(
        IpLiteral.compactEndpoint(new byte[] {10, 0, 0, 1}, 1001),
        answer.swarm().peers()[0].compactEndpoint());
    assertTrue(answer.compact());
  }

  @Test
  void privateModeRefusals() {
    assertEquals(
        "unknown or revoked passkey",
        refusal(() -> announce(tracker, Passkey.of("d".repeat(32)), 1, 0, "")));
    assertEquals(
        "unknown or revoked passkey",
        refusal(() -> tracker.announce("not-a-passkey", QueryParameters.parse(""), "10.0.0.1")));
    assertEquals(
        "this agent is disabled", refusal(() -> announce(tracker, DISABLED_KEY, 1, 0, "")));
    assertEquals(
        "torrent " + UNTRACKED.toHex() + " is not registered with this tracker (or retired)",
        refusal(
            () ->
                tracker.announce(
                    AGENT_KEY.value(),
                    QueryParameters.parse(query(UNTRACKED, 1, 0, "")),
                    "10.0.0.1")));
    assertEquals(
        "missing parameter info_hash",
        refusal(
            () ->
                tracker.announce(AGENT_KEY.value(), QueryParameters.parse("port=1"), "10.0.0.1")));
  }

  @Test
  void revocationTakesEffectOnTheNextAnnounce() {
    announce(tracker, AGENT_KEY, 1, 0, "");
    admissions.set(new Admissions(Map.of(), Set.of(TRACKED), Map.of()));
    assertEquals(
        "unknown or revoked passkey", refusal(() -> announce(tracker, AGENT_KEY, 1, 0, "")));
  }

  @Test
  void numwantDefaultsAndIsCapped() {
    TrackerConfiguration small =
        new TrackerConfiguration(
            TrackerConfiguration.DEFAULTS.interval(),
            TrackerConfiguration.DEFAULTS.minInterval(),
            2,
            3,
            5,
            TrackerConfiguration.DEFAULTS.batchWindow(),
            TrackerConfiguration.DEFAULTS.refreshPeriod(),
            false,
            new PeerLimits(1000, 1000, 1000, 20),
            1000,
            TrackerConfiguration.DEFAULTS.statisticsSnapshotPeriod());
    Tracker t = tracker(small);
    for (int port = 1; port <= 10; port++) {
      announce(t, AGENT_KEY, port, 0, "");
    }
    assertEquals(3, announce(t, AGENT_KEY, 100, 5, "").swarm().count());
    assertEquals(5, announce(t, AGENT_KEY, 100, 5, "&numwant=500").swarm().count());
    assertEquals(2, announce(t, AGENT_KEY, 100, 5, "&numwant=2").swarm().count());
    assertEquals(0, announce(t, AGENT_KEY, 100, 5, "&numwant=0").swarm().count());
  }

  @Test
  void ipParameterIsIgnoredUnlessAllowed() {
    announce(tracker, AGENT_KEY, 1, 0, "&ip=192.0.2.7");
    AnnounceAnswer seen = announce(tracker, USER_KEY, 2, 5, "");
    assertArrayEquals(
        IpLiteral.compactEndpoint(new byte[] {10, 0, 0, 1}, 1),
        seen.swarm().peers()[0].compactEndpoint());

    TrackerConfiguration allowing =
        TrackerConfiguration.from(
            name -> name.equals("everseed.tracker.allow_ip_parameter") ? "true" : null,
            name -> null);
    Tracker t = tracker(allowing);
    announce(t, AGENT_KEY, 1, 0, "&ip=192.0.2.7");
    assertArrayEquals(
        IpLiteral.compactEndpoint(new byte[] {(byte) 192, 0, 2, 7}, 1),
        announce(t, USER_KEY, 2, 5, "").swarm().peers()[0].compactEndpoint());
    assertEquals(
        "ip must be a numeric IPv4 or IPv6 address",
        refusal(() -> announce(t, USER_KEY, 3, 5, "&ip=evil.example")));

    Tracker dualStack = tracker(allowing);
    announce(dualStack, AGENT_KEY, 4, 0, "&ipv6=2001:db8::1");
    AnnounceAnswer v6 = announce(dualStack, USER_KEY, 5, 5, "");
    assertEquals(1, v6.swarm().count());
    byte[] expected = new byte[18];
    System.arraycopy(IpLiteral.parse("2001:db8::1").orElseThrow(), 0, expected, 0, 16);
    expected[17] = 4;
    assertArrayEquals(expected, v6.swarm().peers()[0].compactEndpoint());
  }

  @Test
  void eventsAndCountersAreBufferedForTheAuditTrail() {
    announce(tracker, AGENT_KEY, 1, 100, "&event=started");
    announce(tracker, AGENT_KEY, 1, 50, "");
    announce(tracker, AGENT_KEY, 1, 0, "&event=completed");
    TrackingEventRecorder.Batch batch = recorder.drain();
    List<AnnounceEvent> events = batch.events().stream().map(TrackingEvent::event).toList();
    assertEquals(List.of(AnnounceEvent.STARTED, AnnounceEvent.COMPLETED), events);
    TrackingEvent first = batch.events().get(0);
    assertEquals("10.0.0.1", first.ip());
    assertEquals(AGENT_KEY, first.account().passkey());
    assertEquals(clock.instant(), first.occurredAt());
    assertEquals(1, batch.transfers().size(), "counters coalesced per passkey and torrent");
    assertEquals(3, batch.transfers().get(0).announces());
    assertEquals(0, batch.transfers().get(0).left());
    assertTrue(recorder.drain().isEmpty());
  }

  @Test
  void allStatisticsCoverLiveSwarmsAndTorrentsWithOnlyPastCompletions() {
    assertEquals(Map.of(TRACKED, new SwarmStatistics(0, 0, 7)), tracker.allStatistics());
    announce(tracker, AGENT_KEY, 1, 0, "&event=completed");
    assertEquals(Map.of(TRACKED, new SwarmStatistics(1, 0, 8)), tracker.allStatistics());
  }

  @Test
  void scrapeCountsIncludeCompletionsRecordedBeforeStart() {
    announce(tracker, AGENT_KEY, 1, 10, "&event=started");
    announce(tracker, AGENT_KEY, 1, 0, "&event=completed");
    announce(tracker, AGENT_KEY, 2, 10, "&event=started");
    List<ScrapeEntry> entries =
        tracker.scrape(
            USER_KEY.value(),
            QueryParameters.parse("info_hash=" + PercentEncoding.encode(TRACKED.bytes())));
    assertEquals(List.of(new ScrapeEntry(TRACKED, 1, 8, 1)), entries);
    assertEquals(
        "torrent " + UNTRACKED.toHex() + " is not registered with this tracker (or retired)",
        refusal(
            () ->
                tracker.scrape(
                    USER_KEY.value(),
                    QueryParameters.parse(
                        "info_hash=" + PercentEncoding.encode(UNTRACKED.bytes())))));
    assertEquals(
        "unknown or revoked passkey",
        refusal(() -> tracker.scrape("x", QueryParameters.parse(""))));
  }
}
