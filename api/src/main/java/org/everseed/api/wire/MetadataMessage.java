package org.everseed.api.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A BEP 9 {@code ut_metadata} message, the payload of its extended message: a request for, a piece
 * of, or a refusal of the torrent's info dictionary, which travels in 16 KiB pieces so a magnet
 * link is enough to join a swarm.
 *
 * <pre>
 * request: d8:msg_typei0e5:piecei&lt;n&gt;ee
 * data:    d8:msg_typei1e5:piecei&lt;n&gt;e10:total_sizei&lt;bytes&gt;ee&lt;piece bytes, up to 16 KiB&gt;
 * reject:  d8:msg_typei2e5:piecei&lt;n&gt;ee
 * </pre>
 *
 * @param totalSize the info dictionary's size, only in data messages (-1 otherwise)
 * @param data the piece's bytes, only in data messages (empty otherwise)
 */
public record MetadataMessage(int type, int piece, int totalSize, byte[] data) {

  public static final int REQUEST = 0;
  public static final int DATA = 1;
  public static final int REJECT = 2;

  /** Bytes per metadata piece; the last one may be shorter. */
  public static final int PIECE_SIZE = 16 * 1024;

  /** Info dictionaries larger than this are refused: 64 MiB is the largest .torrent we read. */
  public static final int MAX_TOTAL_SIZE = 64 << 20;

  public MetadataMessage {
    if (type < REQUEST || type > REJECT) {
      throw new IllegalArgumentException("unknown ut_metadata type " + type);
    }
    if (piece < 0) {
      throw new IllegalArgumentException("negative metadata piece " + piece);
    }
    data = data.clone();
  }

  public static MetadataMessage request(int piece) {
    return new MetadataMessage(REQUEST, piece, -1, new byte[0]);
  }

  public static MetadataMessage reject(int piece) {
    return new MetadataMessage(REJECT, piece, -1, new byte[0]);
  }

  public static MetadataMessage data(int piece, int totalSize, byte[] data) {
    return new MetadataMessage(DATA, piece, totalSize, data);
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(32 + data.length);
    StringBuilder header =
        new StringBuilder("d8:msg_typei")
            .append(type)
            .append("e5:piecei")
            .append(piece)
            .append('e');
    if (type == DATA) {
      header.append("10:total_sizei").append(totalSize).append('e');
    }
    header.append('e');
    out.writeBytes(header.toString().getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(data);
    return out.toByteArray();
  }

  /**
   * Decodes a payload: a dictionary of integer values (other keys are skipped if they hold
   * integers), then, for a data message, the piece's bytes.
   */
  public static MetadataMessage decode(byte[] payload) {
    Map<String, Long> fields = new HashMap<>();
    int position = 0;
    if (payload.length == 0 || payload[position++] != 'd') {
      throw new PeerWireException("ut_metadata does not start with a dictionary");
    }
    while (true) {
      if (position >= payload.length) {
        throw new PeerWireException("ut_metadata dictionary is cut short");
      }
      if (payload[position] == 'e') {
        position++;
        break;
      }
      int colon = indexOf(payload, (byte) ':', position);
      int keyLength = parseInt(payload, position, colon);
      int keyStart = colon + 1;
      if (keyLength < 0 || keyStart + keyLength > payload.length) {
        throw new PeerWireException("ut_metadata key is cut short");
      }
      String key = new String(payload, keyStart, keyLength, StandardCharsets.US_ASCII);
      position = keyStart + keyLength;
      if (position >= payload.length || payload[position] != 'i') {
        throw new PeerWireException("ut_metadata value of '" + key + "' is not an integer");
      }
      int end = indexOf(payload, (byte) 'e', position + 1);
      fields.put(key, (long) parseInt(payload, position + 1, end));
      position = end + 1;
    }
    Long type = fields.get("msg_type");
    Long piece = fields.get("piece");
    if (type == null || piece == null || type < REQUEST || type > REJECT || piece < 0) {
      throw new PeerWireException("ut_metadata lacks a valid msg_type or piece");
    }
    byte[] rest = Arrays.copyOfRange(payload, position, payload.length);
    if (type == DATA) {
      Long total = fields.get("total_size");
      if (total == null || total <= 0 || total > MAX_TOTAL_SIZE || rest.length > PIECE_SIZE) {
        throw new PeerWireException("ut_metadata data has a bad total_size or piece length");
      }
      return new MetadataMessage(DATA, piece.intValue(), total.intValue(), rest);
    }
    if (rest.length != 0) {
      throw new PeerWireException("ut_metadata request or reject carries trailing bytes");
    }
    return new MetadataMessage(type.intValue(), piece.intValue(), -1, rest);
  }

  private static int indexOf(byte[] bytes, byte wanted, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    throw new PeerWireException("ut_metadata is cut short");
  }

  private static int parseInt(byte[] bytes, int from, int to) {
    if (to <= from || to - from > 10) {
      throw new PeerWireException("ut_metadata holds a malformed integer");
    }
    try {
      long value = Long.parseLong(new String(bytes, from, to - from, StandardCharsets.US_ASCII));
      if (value < 0 || value > Integer.MAX_VALUE) {
        throw new PeerWireException("ut_metadata integer out of range: " + value);
      }
      return (int) value;
    } catch (NumberFormatException e) {
      throw new PeerWireException("ut_metadata holds a malformed integer", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MetadataMessage that
        && type == that.type
        && piece == that.piece
        && totalSize == that.totalSize
        && Arrays.equals(data, that.data);
  }

  @Override
  public int hashCode() {
    return (type * 31 + piece) * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "MetadataMessage[type=" + type + ", piece=" + piece + ", " + data.length + " bytes]";
  }
}
