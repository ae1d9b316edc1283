package org.everseed.api.wire;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.everseed.api.wire.PeerMessage.AllowedFast;
import org.everseed.api.wire.PeerMessage.Bitfield;
import org.everseed.api.wire.PeerMessage.Cancel;
import org.everseed.api.wire.PeerMessage.Choke;
import org.everseed.api.wire.PeerMessage.Extended;
import org.everseed.api.wire.PeerMessage.Have;
import org.everseed.api.wire.PeerMessage.HaveAll;
import org.everseed.api.wire.PeerMessage.HaveNone;
import org.everseed.api.wire.PeerMessage.Interested;
import org.everseed.api.wire.PeerMessage.KeepAlive;
import org.everseed.api.wire.PeerMessage.NotInterested;
import org.everseed.api.wire.PeerMessage.Piece;
import org.everseed.api.wire.PeerMessage.Port;
import org.everseed.api.wire.PeerMessage.RejectRequest;
import org.everseed.api.wire.PeerMessage.Request;
import org.everseed.api.wire.PeerMessage.SuggestPiece;
import org.everseed.api.wire.PeerMessage.Unchoke;

/**
 * Encodes and decodes whole frames: {@code <length prefix: 4 bytes big-endian><id: 1 byte>
 * <payload>}. Integers are 4-byte big-endian unless noted.
 *
 * <pre>
 * keep-alive:     &lt;len=0000&gt;
 * choke:          &lt;len=0001&gt;&lt;id=0&gt;
 * unchoke:        &lt;len=0001&gt;&lt;id=1&gt;
 * interested:     &lt;len=0001&gt;&lt;id=2&gt;
 * not interested: &lt;len=0001&gt;&lt;id=3&gt;
 * have:           &lt;len=0005&gt;&lt;id=4&gt;&lt;piece index&gt;
 * bitfield:       &lt;len=0001+X&gt;&lt;id=5&gt;&lt;bitfield: X bytes&gt;
 * request:        &lt;len=0013&gt;&lt;id=6&gt;&lt;index&gt;&lt;begin&gt;&lt;length&gt;
 * piece:          &lt;len=0009+X&gt;&lt;id=7&gt;&lt;index&gt;&lt;begin&gt;&lt;block: X bytes&gt;
 * cancel:         &lt;len=0013&gt;&lt;id=8&gt;&lt;index&gt;&lt;begin&gt;&lt;length&gt;
 * port:           &lt;len=0003&gt;&lt;id=9&gt;&lt;listen port: 2 bytes&gt;
 * suggest piece:  &lt;len=0005&gt;&lt;id=13&gt;&lt;piece index&gt;          (BEP 6)
 * have all:       &lt;len=0001&gt;&lt;id=14&gt;                        (BEP 6)
 * have none:      &lt;len=0001&gt;&lt;id=15&gt;                        (BEP 6)
 * reject request: &lt;len=0013&gt;&lt;id=16&gt;&lt;index&gt;&lt;begin&gt;&lt;length&gt; (BEP 6)
 * allowed fast:   &lt;len=0005&gt;&lt;id=17&gt;&lt;piece index&gt;          (BEP 6)
 * extended:       &lt;len=0002+X&gt;&lt;id=20&gt;&lt;ext id: 1 byte&gt;&lt;payload: X bytes&gt; (BEP 10)
 * </pre>
 */
public final class PeerMessageCodec {

  public static final int CHOKE = 0;
  public static final int UNCHOKE = 1;
  public static final int INTERESTED = 2;
  public static final int NOT_INTERESTED = 3;
  public static final int HAVE = 4;
  public static final int BITFIELD = 5;
  public static final int REQUEST = 6;
  public static final int PIECE = 7;
  public static final int CANCEL = 8;
  public static final int PORT = 9;
  public static final int SUGGEST_PIECE = 13;
  public static final int HAVE_ALL = 14;
  public static final int HAVE_NONE = 15;
  public static final int REJECT_REQUEST = 16;
  public static final int ALLOWED_FAST = 17;
  public static final int EXTENDED = 20;

  /** Bytes of the length prefix. */
  public static final int PREFIX_LENGTH = 4;

  /**
   * The longest message body accepted: a 2 MiB bitfield (16 million pieces) or extension message.
   * Anything longer is an attack or a bug, so the frame is refused before it is buffered.
   */
  public static final int MAX_MESSAGE_LENGTH = 2 << 20;

  /** The header of a piece message in front of its block: id, index, begin. */
  public static final int PIECE_HEADER_LENGTH = 9;

  private PeerMessageCodec() {}

  /**
   * The length prefix of the frame starting at {@code buffer.position()}, or -1 if fewer than 4
   * bytes are there. Does not move the position.
   *
   * @throws PeerWireException if the declared length exceeds {@link #MAX_MESSAGE_LENGTH}
   */
  public static int peekMessageLength(ByteBuffer buffer) {
    if (buffer.remaining() < PREFIX_LENGTH) {
      return -1;
    }
    int length = buffer.getInt(buffer.position());
    if (length < 0 || length > MAX_MESSAGE_LENGTH) {
      throw new PeerWireException(
          "declared message length "
              + Integer.toUnsignedString(length)
              + " exceeds "
              + MAX_MESSAGE_LENGTH);
    }
    return length;
  }

  /** The whole frame, length prefix included. */
  public static byte[] encode(PeerMessage message) {
    ByteBuffer out = ByteBuffer.allocate(encodedLength(message));
    encode(message, out);
    return out.array();
  }

  /** Bytes {@link #encode} writes for {@code message}. */
  public static int encodedLength(PeerMessage message) {
    return PREFIX_LENGTH + bodyLength(message);
  }

  /** Writes the whole frame, length prefix included, at {@code out}'s position. */
  public static void encode(PeerMessage message, ByteBuffer out) {
    out.putInt(bodyLength(message));
    if (message instanceof KeepAlive) {
      return;
    }
    out.put((byte) message.id());
    if (message instanceof Have have) {
      out.putInt(have.pieceIndex());
    } else if (message instanceof Bitfield bitfield) {
      out.put(bitfield.bits());
    } else if (message instanceof Request request) {
      out.putInt(request.pieceIndex()).putInt(request.begin()).putInt(request.length());
    } else if (message instanceof Piece piece) {
      out.putInt(piece.pieceIndex()).putInt(piece.begin()).put(piece.block());
    } else if (message instanceof Cancel cancel) {
      out.putInt(cancel.pieceIndex()).putInt(cancel.begin()).putInt(cancel.length());
    } else if (message instanceof Port port) {
      out.putShort((short) port.port());
    } else if (message instanceof SuggestPiece suggest) {
      out.putInt(suggest.pieceIndex());
    } else if (message instanceof RejectRequest reject) {
      out.putInt(reject.pieceIndex()).putInt(reject.begin()).putInt(reject.length());
    } else if (message instanceof AllowedFast allowed) {
      out.putInt(allowed.pieceIndex());
    } else if (message instanceof Extended extended) {
      out.put((byte) extended.extendedId()).put(extended.payload());
    }
  }

  /**
   * Writes the header of a piece message whose block of {@code blockLength} bytes the caller sends
   * next (straight from the file, without copying it through the heap).
   */
  public static void encodePieceHeader(int pieceIndex, int begin, int blockLength, ByteBuffer out) {
    out.putInt(PIECE_HEADER_LENGTH + blockLength)
        .put((byte) PIECE)
        .putInt(pieceIndex)
        .putInt(begin);
  }

  private static int bodyLength(PeerMessage message) {
    if (message instanceof KeepAlive) {
      return 0;
    } else if (message instanceof Have
        || message instanceof SuggestPiece
        || message instanceof AllowedFast) {
      return 5;
    } else if (message instanceof Bitfield bitfield) {
      return 1 + bitfield.bits().length;
    } else if (message instanceof Request
        || message instanceof Cancel
        || message instanceof RejectRequest) {
      return 13;
    } else if (message instanceof Piece piece) {
      return PIECE_HEADER_LENGTH + piece.blockLength();
    } else if (message instanceof Port) {
      return 3;
    } else if (message instanceof Extended extended) {
      return 2 + extended.payload().length;
    }
    return 1;
  }

  /** Decodes one whole frame, length prefix included; every byte must belong to it. */
  public static PeerMessage decode(byte[] frame) {
    return decode(ByteBuffer.wrap(frame));
  }

  /**
   * Decodes the one whole frame from {@code frame}'s position to its limit, length prefix included.
   *
   * @throws PeerWireException if the frame is short, too long, has trailing bytes, an unknown id,
   *     or a payload of the wrong size for its id
   */
  public static PeerMessage decode(ByteBuffer frame) {
    ByteBuffer in = frame.duplicate();
    int length = peekMessageLength(in);
    if (length < 0) {
      throw new PeerWireException(
          "a frame starts with a 4-byte length, got " + in.remaining() + " bytes");
    }
    in.position(in.position() + PREFIX_LENGTH);
    if (in.remaining() != length) {
      throw new PeerWireException(
          "the frame declares " + length + " bytes after its prefix but holds " + in.remaining());
    }
    if (length == 0) {
      return new KeepAlive();
    }
    int id = in.get() & 0xFF;
    int payload = length - 1;
    return switch (id) {
      case CHOKE -> empty(payload, id, new Choke());
      case UNCHOKE -> empty(payload, id, new Unchoke());
      case INTERESTED -> empty(payload, id, new Interested());
      case NOT_INTERESTED -> empty(payload, id, new NotInterested());
      case HAVE_ALL -> empty(payload, id, new HaveAll());
      case HAVE_NONE -> empty(payload, id, new HaveNone());
      case HAVE -> new Have(index(in, payload, id));
      case SUGGEST_PIECE -> new SuggestPiece(index(in, payload, id));
      case ALLOWED_FAST -> new AllowedFast(index(in, payload, id));
      case BITFIELD -> new Bitfield(rest(in));
      case REQUEST -> {
        int[] fields = blockFields(in, payload, id);
        yield new Request(fields[0], fields[1], fields[2]);
      }
      case CANCEL -> {
        int[] fields = blockFields(in, payload, id);
        yield new Cancel(fields[0], fields[1], fields[2]);
      }
      case REJECT_REQUEST -> {
        int[] fields = blockFields(in, payload, id);
        yield new RejectRequest(fields[0], fields[1], fields[2]);
      }
      case PIECE -> {
        if (payload < 8) {
          throw badLength(id, payload, "at least 8");
        }
        int index = nonNegative(in.getInt(), "piece index");
        int begin = nonNegative(in.getInt(), "begin");
        yield new Piece(index, begin, rest(in));
      }
      case PORT -> {
        if (payload != 2) {
          throw badLength(id, payload, "2");
        }
        yield new Port(in.getShort() & 0xFFFF);
      }
      case EXTENDED -> {
        if (payload < 1) {
          throw badLength(id, payload, "at least 1");
        }
        int extendedId = in.get() & 0xFF;
        yield new Extended(extendedId, rest(in));
      }
      default -> throw new PeerWireException("unknown message id " + id);
    };
  }

  /**
   * Reads a piece frame's index and begin without copying its block: the block is {@code frame}'s
   * bytes from {@code position + 13} to the limit.
   *
   * @throws PeerWireException if the frame is not a well-formed piece message
   */
  public static BlockHeader decodePieceHeader(ByteBuffer frame) {
    int start = frame.position();
    int length = peekMessageLength(frame);
    if (length < 0 || frame.remaining() != PREFIX_LENGTH + length) {
      throw new PeerWireException("incomplete piece frame");
    }
    if (length < PIECE_HEADER_LENGTH || (frame.get(start + PREFIX_LENGTH) & 0xFF) != PIECE) {
      throw new PeerWireException("not a piece message");
    }
    int index = nonNegative(frame.getInt(start + 5), "piece index");
    int begin = nonNegative(frame.getInt(start + 9), "begin");
    return new BlockHeader(index, begin, length - PIECE_HEADER_LENGTH);
  }

  /** Where a piece message's block belongs. */
  public record BlockHeader(int pieceIndex, int begin, int blockLength) {}

  private static PeerMessage empty(int payload, int id, PeerMessage message) {
    if (payload != 0) {
      throw badLength(id, payload, "0");
    }
    return message;
  }

  private static int index(ByteBuffer in, int payload, int id) {
    if (payload != 4) {
      throw badLength(id, payload, "4");
    }
    return nonNegative(in.getInt(), "piece index");
  }

  private static int[] blockFields(ByteBuffer in, int payload, int id) {
    if (payload != 12) {
      throw badLength(id, payload, "12");
    }
    return new int[] {
      nonNegative(in.getInt(), "piece index"),
      nonNegative(in.getInt(), "begin"),
      nonNegative(in.getInt(), "length")
    };
  }

  private static int nonNegative(int value, String what) {
    if (value < 0) {
      throw new PeerWireException(what + " " + Integer.toUnsignedString(value) + " is too large");
    }
    return value;
  }

  private static byte[] rest(ByteBuffer in) {
    byte[] bytes = new byte[in.remaining()];
    in.get(bytes);
    return bytes;
  }

  private static PeerWireException badLength(int id, int payload, String expected) {
    return new PeerWireException(
        "message id " + id + " carries " + payload + " payload bytes, expected " + expected);
  }

  /** A bitfield with the first {@code pieceCount} bits set, as a seed sends. */
  public static byte[] fullBitfield(int pieceCount) {
    byte[] bits = new byte[Bitfield.lengthFor(pieceCount)];
    Arrays.fill(bits, (byte) 0xFF);
    int spare = bits.length * 8 - pieceCount;
    if (spare > 0) {
      bits[bits.length - 1] = (byte) (0xFF << spare);
    }
    return bits;
  }
}
