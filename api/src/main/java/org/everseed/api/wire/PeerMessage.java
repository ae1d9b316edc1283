package org.everseed.api.wire;

import java.util.Arrays;

/**
 * One message after the handshake. Every message is framed as {@code <length: 4 bytes big-endian>
 * <id: 1 byte><payload>}, except keep-alive, which is a zero length and nothing else. {@link
 * PeerMessageCodec} holds the byte layout of each.
 */
public sealed interface PeerMessage {

  /** The message id byte; keep-alive has none and answers -1. */
  int id();

  /** {@code <len=0000>} */
  record KeepAlive() implements PeerMessage {
    @Override
    public int id() {
      return -1;
    }
  }

  /** {@code <len=0001><id=0>} */
  record Choke() implements PeerMessage {
    @Override
    public int id() {
      return PeerMessageCodec.CHOKE;
    }
  }

  /** {@code <len=0001><id=1>} */
  record Unchoke() implements PeerMessage {
    @Override
    public int id() {
      return PeerMessageCodec.UNCHOKE;
    }
  }

  /** {@code <len=0001><id=2>} */
  record Interested() implements PeerMessage {
    @Override
    public int id() {
      return PeerMessageCodec.INTERESTED;
    }
  }

  /** {@code <len=0001><id=3>} */
  record NotInterested() implements PeerMessage {
    @Override
    public int id() {
      return PeerMessageCodec.NOT_INTERESTED;
    }
  }

  /** {@code <len=0005><id=4><piece index>} */
  record Have(int pieceIndex) implements PeerMessage {
    public Have {
      requireNonNegative(pieceIndex, "piece index");
    }

    @Override
    public int id() {
      return PeerMessageCodec.HAVE;
    }
  }

  /**
   * {@code <len=0001+X><id=5><bitfield>}: bit 7 of byte 0 is piece 0; spare bits at the end are 0.
   */
  record Bitfield(byte[] bits) implements PeerMessage {
    public Bitfield {
      bits = bits.clone();
    }

    @Override
    public byte[] bits() {
      return bits.clone();
    }

    /** Whether the bitfield says the peer has {@code pieceIndex}. */
    public boolean has(int pieceIndex) {
      int octet = pieceIndex >>> 3;
      return octet < bits.length && (bits[octet] & (0x80 >>> (pieceIndex & 7))) != 0;
    }

    /** The number of bytes a bitfield for {@code pieceCount} pieces has. */
    public static int lengthFor(int pieceCount) {
      return (pieceCount + 7) >>> 3;
    }

    @Override
    public int id() {
      return PeerMessageCodec.BITFIELD;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Bitfield that && Arrays.equals(bits, that.bits);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bits);
    }

    @Override
    public String toString() {
      return "Bitfield[" + bits.length + " bytes]";
    }
  }

  /** {@code <len=0013><id=6><index><begin><length>} */
  record Request(int pieceIndex, int begin, int length) implements PeerMessage {
    public Request {
      requireNonNegative(pieceIndex, "piece index");
      requireNonNegative(begin, "begin");
      requireNonNegative(length, "length");
    }

    @Override
    public int id() {
      return PeerMessageCodec.REQUEST;
    }
  }

  /** {@code <len=0009+X><id=7><index><begin><block>} */
  record Piece(int pieceIndex, int begin, byte[] block) implements PeerMessage {
    public Piece {
      requireNonNegative(pieceIndex, "piece index");
      requireNonNegative(begin, "begin");
      block = block.clone();
    }

    @Override
    public byte[] block() {
      return block.clone();
    }

    /** The block length without copying it. */
    public int blockLength() {
      return block.length;
    }

    @Override
    public int id() {
      return PeerMessageCodec.PIECE;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Piece that
          && pieceIndex == that.pieceIndex
          && begin == that.begin
          && Arrays.equals(block, that.block);
    }

    @Override
    public int hashCode() {
      return (pieceIndex * 31 + begin) * 31 + Arrays.hashCode(block);
    }

    @Override
    public String toString() {
      return "Piece[" + pieceIndex + ", " + begin + ", " + block.length + " bytes]";
    }
  }

  /** {@code <len=0013><id=8><index><begin><length>} */
  record Cancel(int pieceIndex, int begin, int length) implements PeerMessage {
    public Cancel {
      requireNonNegative(pieceIndex, "piece index");
      requireNonNegative(begin, "begin");
      requireNonNegative(length, "length");
    }

    @Override
    public int id() {
      return PeerMessageCodec.CANCEL;
    }
  }

  /** {@code <len=0003><id=9><listen port: 2 bytes>}: the DHT port (BEP 5); read and ignored. */
  record Port(int port) implements PeerMessage {
    public Port {
      if (port < 0 || port > 0xFFFF) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
    }

    @Override
    public int id() {
      return PeerMessageCodec.PORT;
    }
  }

  /** {@code <len=0005><id=13><piece index>} (BEP 6) */
  record SuggestPiece(int pieceIndex) implements PeerMessage {
    public SuggestPiece {
      requireNonNegative(pieceIndex, "piece index");
    }

    @Override
    public int id() {
      return PeerMessageCodec.SUGGEST_PIECE;
    }
  }

  /** {@code <len=0001><id=14>} (BEP 6) */
  record HaveAll() implements PeerMessage {
    @Override
    public int id() {
      return PeerMessageCodec.HAVE_ALL;
    }
  }

  /** {@code <len=0001><id=15>} (BEP 6) */
  record HaveNone() implements PeerMessage {
    @Override
    public int id() {
      return PeerMessageCodec.HAVE_NONE;
    }
  }

  /** {@code <len=0013><id=16><index><begin><length>} (BEP 6) */
  record RejectRequest(int pieceIndex, int begin, int length) implements PeerMessage {
    public RejectRequest {
      requireNonNegative(pieceIndex, "piece index");
      requireNonNegative(begin, "begin");
      requireNonNegative(length, "length");
    }

    @Override
    public int id() {
      return PeerMessageCodec.REJECT_REQUEST;
    }
  }

  /** {@code <len=0005><id=17><piece index>} (BEP 6) */
  record AllowedFast(int pieceIndex) implements PeerMessage {
    public AllowedFast {
      requireNonNegative(pieceIndex, "piece index");
    }

    @Override
    public int id() {
      return PeerMessageCodec.ALLOWED_FAST;
    }
  }

  /**
   * {@code <len=0002+X><id=20><extended message id><payload>} (BEP 10): id 0 is the extension
   * handshake, others are the ids the receiver assigned in its handshake.
   */
  record Extended(int extendedId, byte[] payload) implements PeerMessage {
    public Extended {
      if (extendedId < 0 || extendedId > 0xFF) {
        throw new IllegalArgumentException("extended id out of range: " + extendedId);
      }
      payload = payload.clone();
    }

    @Override
    public byte[] payload() {
      return payload.clone();
    }

    @Override
    public int id() {
      return PeerMessageCodec.EXTENDED;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Extended that
          && extendedId == that.extendedId
          && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
      return extendedId * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
      return "Extended[" + extendedId + ", " + payload.length + " bytes]";
    }
  }

  private static void requireNonNegative(int value, String what) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must not be negative: " + value);
    }
  }
}
