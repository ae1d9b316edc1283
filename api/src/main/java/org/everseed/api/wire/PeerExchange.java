package org.everseed.api.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.everseed.api.bencode.BDictionary;
import org.everseed.api.bencode.BString;
import org.everseed.api.bencode.BValue;
import org.everseed.api.bencode.BencodeDecoder;
import org.everseed.api.bencode.BencodeEncoder;
import org.everseed.api.bencode.BencodeException;
import org.everseed.api.bencode.BencodeLimits;

/**
 * A BEP 11 peer exchange message, the payload of the {@code ut_pex} extended message: peers the
 * sender connected to and dropped since its last message.
 *
 * <pre>
 * ut_pex: d
 *   added     string   compact IPv4 peers            dropped   string   compact IPv4 peers
 *   added.f   string   one flag byte per added peer  added6, added6.f, dropped6: the same for IPv6
 * e
 * </pre>
 *
 * Flag bytes are read and dropped: Everseed connects to every peer the same way.
 */
public record PeerExchange(List<PeerAddress> added, List<PeerAddress> dropped) {

  /** BEP 11 caps each list at 50 peers. */
  public static final int MAX_PEERS_PER_LIST = 50;

  private static final BencodeDecoder DECODER =
      new BencodeDecoder(BencodeLimits.DEFAULT.withMaxInputSize(64 << 10).withMaxDepth(4));

  public PeerExchange {
    added = List.copyOf(added);
    dropped = List.copyOf(dropped);
  }

  public byte[] encode() {
    List<PeerAddress> added4 = family(added, true);
    List<PeerAddress> added6 = family(added, false);
    return BencodeEncoder.encode(
        BDictionary.builder()
            .put("added", PeerAddress.encodeCompact(added4))
            .put("added.f", new byte[added4.size()])
            .put("added6", PeerAddress.encodeCompact(added6))
            .put("added6.f", new byte[added6.size()])
            .put("dropped", PeerAddress.encodeCompact(family(dropped, true)))
            .put("dropped6", PeerAddress.encodeCompact(family(dropped, false)))
            .build());
  }

  public static PeerExchange decode(byte[] payload) {
    BValue value;
    try {
      value = DECODER.decode(payload);
    } catch (BencodeException e) {
      throw new PeerWireException("ut_pex is not valid bencode: " + e.getMessage(), e);
    }
    if (!(value instanceof BDictionary root)) {
      throw new PeerWireException("ut_pex is a " + value.kind() + ", not a dictionary");
    }
    List<PeerAddress> added = new ArrayList<>();
    List<PeerAddress> dropped = new ArrayList<>();
    bytes(root, "added").map(PeerAddress::decodeCompactIpv4).ifPresent(added::addAll);
    bytes(root, "added6").map(PeerAddress::decodeCompactIpv6).ifPresent(added::addAll);
    bytes(root, "dropped").map(PeerAddress::decodeCompactIpv4).ifPresent(dropped::addAll);
    bytes(root, "dropped6").map(PeerAddress::decodeCompactIpv6).ifPresent(dropped::addAll);
    if (added.size() > 2 * MAX_PEERS_PER_LIST || dropped.size() > 2 * MAX_PEERS_PER_LIST) {
      throw new PeerWireException("ut_pex lists more peers than BEP 11 allows");
    }
    return new PeerExchange(added, dropped);
  }

  private static Optional<byte[]> bytes(BDictionary root, String key) {
    return root.find(key).filter(BString.class::isInstance).map(v -> ((BString) v).bytes());
  }

  private static List<PeerAddress> family(List<PeerAddress> peers, boolean ipv4) {
    return peers.stream().filter(peer -> peer.isIpv4() == ipv4).toList();
  }
}
