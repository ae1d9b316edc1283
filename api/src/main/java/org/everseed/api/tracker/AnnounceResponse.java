package org.everseed.api.tracker;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.everseed.api.bencode.BDictionary;
import org.everseed.api.bencode.BInteger;
import org.everseed.api.bencode.BList;
import org.everseed.api.bencode.BString;
import org.everseed.api.bencode.BValue;
import org.everseed.api.bencode.BencodeDecoder;
import org.everseed.api.bencode.BencodeException;
import org.everseed.api.bencode.BencodeLimits;
import org.everseed.api.wire.PeerAddress;
import org.everseed.api.wire.PeerWireException;

/**
 * A tracker's answer to an announce, as a client reads it; {@link TrackerResponses} writes it.
 * Decoding is pure: a peer named by a host name in the dictionary model stays a {@link NamedPeer}
 * (resolving it, if at all, is the caller's decision), numeric addresses never touch DNS.
 *
 * <pre>
 * announce response: d
 *   failure reason  string     present alone when the tracker refused
 *   complete        integer    optional: seeders
 *   incomplete      integer    optional: leechers
 *   interval        integer    seconds until the next regular announce (default 1800)
 *   min interval    integer    optional
 *   peers           string     compact IPv4 peers (BEP 23): &lt;4 address bytes&gt;&lt;port: 2 bytes&gt;...
 *                   or list    BEP 3 dictionary model: d(ip: text, peer id: 20 bytes, port: integer)
 *   peers6          string     compact IPv6 peers (BEP 7): &lt;16 address bytes&gt;&lt;port: 2 bytes&gt;...
 * e
 * </pre>
 *
 * @param failureReason why the tracker refused; then there are no peers
 * @param interval when to announce again (at least one second)
 * @param peers every peer with a numeric address, IPv4 first
 * @param namedPeers dictionary-model peers whose {@code ip} is a host name
 */
public record AnnounceResponse(
    Optional<String> failureReason,
    Duration interval,
    Optional<Duration> minInterval,
    OptionalLong complete,
    OptionalLong incomplete,
    List<PeerAddress> peers,
    List<NamedPeer> namedPeers) {

  /** The largest answer decoded: 1 MiB holds about 170,000 compact IPv4 peers. */
  public static final int MAX_RESPONSE_BYTES = 1 << 20;

  /** The interval assumed when the tracker names none (and after a refusal). */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(30);

  private static final BencodeDecoder DECODER =
      new BencodeDecoder(
          BencodeLimits.DEFAULT.withMaxInputSize(MAX_RESPONSE_BYTES).withMaxDepth(4));

  /** A dictionary-model peer named by host name, unresolved. */
  public record NamedPeer(String host, int port) {

    /** The longest DNS name (RFC 1035). */
    public static final int MAX_HOST_LENGTH = 253;

    public NamedPeer {
      Objects.requireNonNull(host);
      if (host.isEmpty() || host.length() > MAX_HOST_LENGTH) {
        throw new IllegalArgumentException("a host name is 1.." + MAX_HOST_LENGTH + " characters");
      }
      if (port < 0 || port > 0xFFFF) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
    }
  }

  public AnnounceResponse {
    Objects.requireNonNull(failureReason);
    Objects.requireNonNull(interval);
    Objects.requireNonNull(minInterval);
    peers = List.copyOf(peers);
    namedPeers = List.copyOf(namedPeers);
  }

  /** A refusal, as a client sees it. */
  public static AnnounceResponse refused(String reason) {
    return new AnnounceResponse(
        Optional.of(reason),
        DEFAULT_INTERVAL,
        Optional.empty(),
        OptionalLong.empty(),
        OptionalLong.empty(),
        List.of(),
        List.of());
  }

  /** This answer with {@code resolved} added to its peers and no named peers left. */
  public AnnounceResponse withNamedPeersResolved(List<PeerAddress> resolved) {
    List<PeerAddress> all = new ArrayList<>(peers);
    all.addAll(resolved);
    return new AnnounceResponse(
        failureReason, interval, minInterval, complete, incomplete, all, List.of());
  }

  /**
   * Decodes an announce answer.
   *
   * @throws TrackerResponseException if it is not bencode, too large, not a dictionary, or a field
   *     has the wrong type or an impossible value
   */
  public static AnnounceResponse decode(byte[] body) {
    if (body.length > MAX_RESPONSE_BYTES) {
      throw new TrackerResponseException(
          "the answer is " + body.length + " bytes, more than " + MAX_RESPONSE_BYTES);
    }
    BValue value;
    try {
      value = DECODER.decode(body);
    } catch (BencodeException e) {
      throw new TrackerResponseException("the answer is not bencode: " + e.getMessage(), e);
    }
    if (!(value instanceof BDictionary root)) {
      throw new TrackerResponseException("the answer is a " + value.kind() + ", not a dictionary");
    }
    try {
      Optional<String> failure = root.optionalText("failure reason");
      if (failure.isPresent()) {
        return refused(failure.get());
      }
      List<PeerAddress> peers = new ArrayList<>();
      List<NamedPeer> named = new ArrayList<>();
      Optional<BValue> peerValue = root.find("peers");
      if (peerValue.isPresent() && peerValue.get() instanceof BString compact) {
        peers.addAll(PeerAddress.decodeCompactIpv4(compact.bytes()));
      } else if (peerValue.isPresent() && peerValue.get() instanceof BList list) {
        decodeDictionaryModel(list, peers, named);
      } else if (peerValue.isPresent()) {
        throw new TrackerResponseException("peers is a " + peerValue.get().kind());
      }
      root.optionalString("peers6")
          .ifPresent(compact -> peers.addAll(PeerAddress.decodeCompactIpv6(compact.bytes())));
      return new AnnounceResponse(
          Optional.empty(),
          seconds(root.optionalLong("interval").orElse(DEFAULT_INTERVAL.toSeconds())),
          root.optionalLong("min interval").map(AnnounceResponse::seconds),
          count(root, "complete"),
          count(root, "incomplete"),
          peers,
          named);
    } catch (BencodeException | PeerWireException | IllegalArgumentException e) {
      throw new TrackerResponseException("the answer is malformed: " + e.getMessage(), e);
    }
  }

  /** BEP 3 dictionary model; entries without a port are skipped, as clients have always done. */
  private static void decodeDictionaryModel(
      BList list, List<PeerAddress> peers, List<NamedPeer> named) {
    for (BValue entry : list.values()) {
      if (!(entry instanceof BDictionary peer
          && peer.find("port").orElse(null) instanceof BInteger port)) {
        continue;
      }
      if (port.value() < 0 || port.value() > 0xFFFF) {
        throw new TrackerResponseException("peer port " + port.value() + " is out of range");
      }
      String ip = peer.getText("ip");
      Optional<byte[]> numeric = IpLiteral.parse(ip);
      if (numeric.isPresent()) {
        peers.add(new PeerAddress(address(numeric.get()), (int) port.value()));
      } else {
        named.add(new NamedPeer(ip, (int) port.value()));
      }
    }
  }

  private static InetAddress address(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("an address is 4 or 16 bytes", e);
    }
  }

  private static Duration seconds(long value) {
    return Duration.ofSeconds(Math.max(1, value));
  }

  private static OptionalLong count(BDictionary root, String key) {
    Optional<Long> value = root.optionalLong(key);
    if (value.isPresent() && value.get() < 0) {
      throw new TrackerResponseException(key + " is negative");
    }
    return value.map(OptionalLong::of).orElse(OptionalLong.empty());
  }
}
