package org.everseed.api.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.everseed.api.metainfo.InfoHash;

/**
 * The first 68 bytes each side sends.
 *
 * <pre>
 * handshake: &lt;pstrlen=19&gt;&lt;pstr="BitTorrent protocol"&gt;&lt;reserved: 8 bytes&gt;&lt;info_hash: 20&gt;&lt;peer_id: 20&gt;
 * reserved bits: byte 5 &amp; 0x10 = extension protocol (BEP 10), byte 7 &amp; 0x04 = fast extension (BEP 6)
 * </pre>
 *
 * @param reserved the 8 reserved bytes, kept as sent so unknown bits survive a round trip
 */
public record Handshake(byte[] reserved, InfoHash infoHash, byte[] peerId) {

  /** Bytes on the wire. */
  public static final int LENGTH = 68;

  private static final byte[] PROTOCOL = "BitTorrent protocol".getBytes(StandardCharsets.US_ASCII);
  private static final int EXTENSION_PROTOCOL_BYTE = 5;
  private static final int EXTENSION_PROTOCOL_BIT = 0x10;
  private static final int FAST_EXTENSION_BYTE = 7;
  private static final int FAST_EXTENSION_BIT = 0x04;

  public Handshake {
    Objects.requireNonNull(infoHash);
    if (reserved.length != 8) {
      throw new IllegalArgumentException("reserved is 8 bytes, got " + reserved.length);
    }
    if (peerId.length != 20) {
      throw new IllegalArgumentException("a peer id is 20 bytes, got " + peerId.length);
    }
    reserved = reserved.clone();
    peerId = peerId.clone();
  }

  /** A handshake announcing the extension protocol and, if asked, the fast extension. */
  public static Handshake of(InfoHash infoHash, byte[] peerId, boolean fastExtension) {
    byte[] reserved = new byte[8];
    reserved[EXTENSION_PROTOCOL_BYTE] |= EXTENSION_PROTOCOL_BIT;
    if (fastExtension) {
      reserved[FAST_EXTENSION_BYTE] |= FAST_EXTENSION_BIT;
    }
    return new Handshake(reserved, infoHash, peerId);
  }

  @Override
  public byte[] reserved() {
    return reserved.clone();
  }

  @Override
  public byte[] peerId() {
    return peerId.clone();
  }

  public boolean supportsExtensionProtocol() {
    return (reserved[EXTENSION_PROTOCOL_BYTE] & EXTENSION_PROTOCOL_BIT) != 0;
  }

  public boolean supportsFastExtension() {
    return (reserved[FAST_EXTENSION_BYTE] & FAST_EXTENSION_BIT) != 0;
  }

  public byte[] encode() {
    ByteBuffer out = ByteBuffer.allocate(LENGTH);
    out.put((byte) PROTOCOL.length).put(PROTOCOL).put(reserved).put(infoHash.bytes()).put(peerId);
    return out.array();
  }

  /** Decodes exactly {@link #LENGTH} bytes. */
  public static Handshake decode(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new PeerWireException(
          "a handshake is " + LENGTH + " bytes, got " + bytes.length + " bytes");
    }
    if (bytes[0] != PROTOCOL.length
        || !Arrays.equals(bytes, 1, 1 + PROTOCOL.length, PROTOCOL, 0, PROTOCOL.length)) {
      throw new PeerWireException("not a BitTorrent handshake: protocol string differs");
    }
    byte[] reserved = Arrays.copyOfRange(bytes, 20, 28);
    InfoHash infoHash = InfoHash.of(Arrays.copyOfRange(bytes, 28, 48));
    byte[] peerId = Arrays.copyOfRange(bytes, 48, 68);
    return new Handshake(reserved, infoHash, peerId);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Handshake that
        && Arrays.equals(reserved, that.reserved)
        && infoHash.equals(that.infoHash)
        && Arrays.equals(peerId, that.peerId);
  }

  @Override
  public int hashCode() {
    return infoHash.hashCode() * 31 + Arrays.hashCode(peerId);
  }

  @Override
  public String toString() {
    return "Handshake[" + infoHash + ", peer " + PeerIds.printable(peerId) + "]";
  }
}
