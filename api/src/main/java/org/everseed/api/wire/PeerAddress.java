package org.everseed.api.wire;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a peer listens. The compact forms (BEP 23 for IPv4, BEP 7 for IPv6) are what trackers and
 * peer exchange send:
 *
 * <pre>
 * compact IPv4 peer: &lt;address: 4 bytes&gt;&lt;port: 2 bytes big-endian&gt;
 * compact IPv6 peer: &lt;address: 16 bytes&gt;&lt;port: 2 bytes big-endian&gt;
 * </pre>
 */
public record PeerAddress(InetAddress address, int port) {

  public static final int COMPACT_IPV4_LENGTH = 6;
  public static final int COMPACT_IPV6_LENGTH = 18;

  public PeerAddress {
    Objects.requireNonNull(address);
    if (port < 0 || port > 0xFFFF) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  public static PeerAddress of(InetSocketAddress socketAddress) {
    return new PeerAddress(socketAddress.getAddress(), socketAddress.getPort());
  }

  public InetSocketAddress toSocketAddress() {
    return new InetSocketAddress(address, port);
  }

  public boolean isIpv4() {
    return address.getAddress().length == 4;
  }

  /** The 6- or 18-byte compact form. */
  public byte[] toCompact() {
    byte[] raw = address.getAddress();
    return ByteBuffer.allocate(raw.length + 2).put(raw).putShort((short) port).array();
  }

  /** Decodes concatenated compact IPv4 peers (BEP 23 {@code peers}, BEP 11 {@code added}). */
  public static List<PeerAddress> decodeCompactIpv4(byte[] compact) {
    return decodeCompact(compact, 4);
  }

  /** Decodes concatenated compact IPv6 peers (BEP 7 {@code peers6}, BEP 11 {@code added6}). */
  public static List<PeerAddress> decodeCompactIpv6(byte[] compact) {
    return decodeCompact(compact, 16);
  }

  /** Concatenates the compact forms of {@code peers}, which must all be of one address family. */
  public static byte[] encodeCompact(List<PeerAddress> peers) {
    ByteBuffer out =
        ByteBuffer.allocate(peers.stream().mapToInt(peer -> peer.toCompact().length).sum());
    peers.forEach(peer -> out.put(peer.toCompact()));
    return out.array();
  }

  private static List<PeerAddress> decodeCompact(byte[] compact, int addressLength) {
    int entry = addressLength + 2;
    if (compact.length % entry != 0) {
      throw new PeerWireException(
          "compact peers of " + compact.length + " bytes are not a multiple of " + entry);
    }
    List<PeerAddress> peers = new ArrayList<>(compact.length / entry);
    ByteBuffer in = ByteBuffer.wrap(compact);
    byte[] raw = new byte[addressLength];
    while (in.hasRemaining()) {
      in.get(raw);
      int port = in.getShort() & 0xFFFF;
      try {
        peers.add(new PeerAddress(InetAddress.getByAddress(raw), port));
      } catch (UnknownHostException e) {
        throw new PeerWireException("bad address length", e);
      }
    }
    return List.copyOf(peers);
  }

  @Override
  public String toString() {
    return (isIpv4() ? address.getHostAddress() : "[" + address.getHostAddress() + "]")
        + ":"
        + port;
  }
}
