package org.everseed.application.tracker;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.api.tracker.AnnounceEvent;
import org.everseed.api.tracker.AnnounceRequest;
import org.everseed.api.tracker.IpLiteral;
import org.everseed.api.tracker.QueryParameters;
import org.everseed.api.tracker.ScrapeEntry;
import org.everseed.api.tracker.ScrapeRequest;
import org.everseed.api.tracker.TrackerRequestException;
import org.everseed.domain.model.tracking.Passkey;
import org.everseed.domain.model.tracking.PeerAnnouncement;
import org.everseed.domain.model.tracking.PeerRegistry;
import org.everseed.domain.model.tracking.SwarmAnswer;
import org.everseed.domain.model.tracking.SwarmStatistics;
import org.everseed.domain.model.tracking.TrackerAccount;
import org.everseed.domain.model.tracking.TrackingEvent;
import org.everseed.domain.model.tracking.TransferCounters;
import org.everseed.domain.settings.TrackerConfiguration;

/**
 * The private tracker, transport-neutral: checks the passkey and the torrent against the cached
 * {@link Admissions}, records the announce in the {@link PeerRegistry}, buffers the audit trail,
 * and answers. No database, no I/O, no logging: every refusal is a {@link TrackerRequestException}
 * whose message the client shows.
 */
public final class Tracker {
  private static final HexFormat HEX = HexFormat.of();

  private final TrackerConfiguration configuration;
  private final Supplier<Admissions> admissions;
  private final PeerRegistry registry;
  private final TrackingEventRecorder recorder;
  private final Clock clock;
  private final int intervalSeconds;
  private final int minIntervalSeconds;

  public Tracker(
      TrackerConfiguration configuration,
      Supplier<Admissions> admissions,
      PeerRegistry registry,
      TrackingEventRecorder recorder,
      Clock clock) {
    this.configuration = configuration;
    this.admissions = admissions;
    this.registry = registry;
    this.recorder = recorder;
    this.clock = clock;
    this.intervalSeconds = (int) configuration.interval().toSeconds();
    this.minIntervalSeconds = (int) configuration.minInterval().toSeconds();
  }

  /**
   * Handles one announce.
   *
   * @param passkeyText the passkey from the URL path
   * @param query the decoded query parameters
   * @param remoteAddress the connection's peer address, numeric
   */
  public AnnounceAnswer announce(String passkeyText, QueryParameters query, String remoteAddress) {
    return announce(
        passkeyText,
        query,
        IpLiteral.parse(remoteAddress)
            .orElseThrow(() -> new TrackerRequestException("cannot tell the client's address")));
  }

  /** Handles one announce from a connection whose peer address is already in bytes (4 or 16). */
  public AnnounceAnswer announce(String passkeyText, QueryParameters query, byte[] remoteAddress) {
    Admissions current = admissions.get();
    TrackerAccount account = admit(current, passkeyText);
    AnnounceRequest request = AnnounceRequest.from(query);
    requireTracked(current, request.infoHash());
    byte[] address = address(request, remoteAddress);
    byte[] endpoint = IpLiteral.compactEndpoint(address, request.port());
    long now = clock.millis();
    SwarmAnswer swarm =
        registry.announce(
            new PeerAnnouncement(
                request.infoHash(),
                account.passkey(),
                endpoint,
                request.peerId(),
                account.site(),
                request.seeding(),
                request.event(),
                configuration.numwant(request.numwant())),
            now);
    Instant at = Instant.ofEpochMilli(now);
    if (request.event() != AnnounceEvent.NONE) {
      recorder.event(
          new TrackingEvent(
              at,
              account,
              request.infoHash(),
              request.event(),
              HEX.formatHex(request.peerId()),
              addressText(address),
              request.port(),
              request.uploaded(),
              request.downloaded(),
              request.left()));
    }
    recorder.transfer(
        new TransferCounters(
            account.passkey(),
            request.infoHash(),
            request.uploaded(),
            request.downloaded(),
            request.left(),
            1,
            at));
    return new AnnounceAnswer(
        intervalSeconds, minIntervalSeconds, swarm, request.compact(), request.noPeerId());
  }

  /** Handles one scrape (BEP 48); every torrent asked about must be tracked. */
  public List<ScrapeEntry> scrape(String passkeyText, QueryParameters query) {
    Admissions current = admissions.get();
    admit(current, passkeyText);
    ScrapeRequest request = ScrapeRequest.from(query);
    List<ScrapeEntry> entries = new ArrayList<>(request.infoHashes().size());
    for (InfoHash infoHash : request.infoHashes()) {
      requireTracked(current, infoHash);
      SwarmStatistics s = statistics(current, infoHash);
      entries.add(new ScrapeEntry(infoHash, s.seeders(), s.completed(), s.leechers()));
    }
    return entries;
  }

  /** Seeders and leechers now, completed downloads ever (recorded before start plus since). */
  public SwarmStatistics statistics(InfoHash infoHash) {
    return statistics(admissions.get(), infoHash);
  }

  /**
   * Statistics of every tracked torrent that has a swarm or recorded completions; torrents with
   * neither are left out (all zero).
   */
  public Map<InfoHash, SwarmStatistics> allStatistics() {
    Admissions current = admissions.get();
    Map<InfoHash, SwarmStatistics> all = new HashMap<>();
    registry
        .statisticsOfAll()
        .forEach(
            (infoHash, live) ->
                all.put(
                    infoHash, live.plusCompleted(current.completed().getOrDefault(infoHash, 0L))));
    current
        .completed()
        .forEach(
            (infoHash, completed) ->
                all.putIfAbsent(infoHash, SwarmStatistics.EMPTY.plusCompleted(completed)));
    all.keySet().retainAll(current.torrents());
    return all;
  }

  private SwarmStatistics statistics(Admissions current, InfoHash infoHash) {
    return registry
        .statistics(infoHash)
        .plusCompleted(current.completed().getOrDefault(infoHash, 0L));
  }

  private static TrackerAccount admit(Admissions current, String passkeyText) {
    TrackerAccount account = Passkey.parse(passkeyText).map(current.accounts()::get).orElse(null);
    if (account == null) {
      throw new TrackerRequestException("unknown or revoked passkey");
    }
    if (!account.enabled()) {
      throw new TrackerRequestException("this agent is disabled");
    }
    return account;
  }

  private static void requireTracked(Admissions current, InfoHash infoHash) {
    if (!current.torrents().contains(infoHash)) {
      throw new TrackerRequestException(
          "torrent " + infoHash.toHex() + " is not registered with this tracker (or retired)");
    }
  }

  private byte[] address(AnnounceRequest request, byte[] remoteAddress) {
    if (configuration.allowIpParameter()) {
      var claimed = request.ip().or(request::ipv6);
      if (claimed.isPresent()) {
        return IpLiteral.parse(claimed.get())
            .orElseThrow(
                () -> new TrackerRequestException("ip must be a numeric IPv4 or IPv6 address"));
      }
    }
    return remoteAddress;
  }

  private static String addressText(byte[] address) {
    try {
      return java.net.InetAddress.getByAddress(address).getHostAddress();
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException("address of " + address.length + " bytes", e);
    }
  }
}
