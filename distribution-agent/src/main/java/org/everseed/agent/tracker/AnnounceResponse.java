package org.everseed.agent.tracker;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.everseed.api.bencode.BDictionary;
import org.everseed.api.bencode.BInteger;
import org.everseed.api.bencode.BList;
import org.everseed.api.bencode.BString;
import org.everseed.api.bencode.BValue;
import org.everseed.api.bencode.BencodeDecoder;
import org.everseed.api.bencode.BencodeException;
import org.everseed.api.wire.PeerAddress;
import org.everseed.api.wire.PeerWireException;

/**
 * A tracker's answer.
 *
 * <pre>
 * announce response: d
 *   failure reason  string     present alone when the tracker refused
 *   interval        integer    seconds until the next regular announce
 *   min interval    integer    optional
 *   peers           string     compact IPv4 peers (BEP 23), or a list of d(ip, port)
 *   peers6          string     compact IPv6 peers (BEP 7)
 * e
 * </pre>
 */
public record AnnounceResponse(
    Optional<String> failureReason, Duration interval, List<PeerAddress> peers) {

  public AnnounceResponse {
    peers = List.copyOf(peers);
  }

  public static AnnounceResponse parse(byte[] body) throws TrackerException {
    BValue value;
    try {
      value = new BencodeDecoder().decode(body);
    } catch (BencodeException e) {
      throw new TrackerException("the tracker answered something that is not bencode", e);
    }
    if (!(value instanceof BDictionary root)) {
      throw new TrackerException("the tracker answered a " + value.kind());
    }
    Optional<String> failure = root.optionalText("failure reason");
    if (failure.isPresent()) {
      return new AnnounceResponse(failure, Duration.ofMinutes(30), List.of());
    }
    try {
      long interval = root.optionalLong("interval").orElse(1800L);
      List<PeerAddress> peers = new ArrayList<>();
      Optional<BValue> peerValue = root.find("peers");
      if (peerValue.isPresent() && peerValue.get() instanceof BString compact) {
        peers.addAll(PeerAddress.decodeCompactIpv4(compact.bytes()));
      } else if (peerValue.isPresent() && peerValue.get() instanceof BList list) {
        for (BValue entry : list.values()) {
          if (entry instanceof BDictionary peer
              && peer.find("port").orElse(null) instanceof BInteger port) {
            peers.add(
                new PeerAddress(InetAddress.getByName(peer.getText("ip")), (int) port.value()));
          }
        }
      }
      root.optionalString("peers6")
          .ifPresent(compact -> peers.addAll(PeerAddress.decodeCompactIpv6(compact.bytes())));
      return new AnnounceResponse(
          Optional.empty(), Duration.ofSeconds(Math.max(1, interval)), peers);
    } catch (BencodeException
        | PeerWireException
        | UnknownHostException
        | IllegalArgumentException e) {
      throw new TrackerException("the tracker's answer is malformed: " + e.getMessage(), e);
    }
  }
}
