package org.everseed.api.bencode;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * Encodes {@link BValue} trees. Dictionaries are already sorted, so the output is canonical and
 * {@link BencodeDecoder} reads it back unchanged.
 */
public final class BencodeEncoder {

  private BencodeEncoder() {}

  /** The encoding of {@code value}, in an array of exactly the right size. */
  public static byte[] encode(BValue value) {
    long length = value.encodedLength();
    if (length > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("value too large for an array: " + length + " bytes");
    }
    byte[] out = new byte[(int) length];
    int end = write(value, out, 0);
    if (end != out.length) {
      throw new IllegalStateException("encoded " + end + " bytes, expected " + out.length);
    }
    return out;
  }

  /** Writes the encoding of {@code value}; pass a buffered stream. */
  public static void encode(BValue value, OutputStream out) throws IOException {
    byte[] scratch = new byte[24];
    write(value, out, scratch);
  }

  private static int write(BValue value, byte[] out, int pos) {
    if (value instanceof BString string) {
      return BencodeWriter.writeString(out, pos, string.bytesView());
    }
    if (value instanceof BInteger integer) {
      return BencodeWriter.writeInteger(out, pos, integer.value());
    }
    if (value instanceof BList list) {
      out[pos++] = 'l';
      for (BValue element : list.values()) {
        pos = write(element, out, pos);
      }
      out[pos++] = 'e';
      return pos;
    }
    BDictionary dictionary = (BDictionary) value;
    out[pos++] = 'd';
    for (Map.Entry<BString, BValue> entry : dictionary.entries().entrySet()) {
      pos = BencodeWriter.writeString(out, pos, entry.getKey().bytesView());
      pos = write(entry.getValue(), out, pos);
    }
    out[pos++] = 'e';
    return pos;
  }

  private static void write(BValue value, OutputStream out, byte[] scratch) throws IOException {
    if (value instanceof BString string) {
      byte[] content = string.bytesView();
      out.write(scratch, 0, BencodeWriter.writeStringHeader(scratch, 0, content.length));
      out.write(content);
    } else if (value instanceof BInteger integer) {
      out.write(scratch, 0, BencodeWriter.writeInteger(scratch, 0, integer.value()));
    } else if (value instanceof BList list) {
      out.write('l');
      for (BValue element : list.values()) {
        write(element, out, scratch);
      }
      out.write('e');
    } else if (value instanceof BDictionary dictionary) {
      out.write('d');
      for (Map.Entry<BString, BValue> entry : dictionary.entries().entrySet()) {
        write(entry.getKey(), out, scratch);
        write(entry.getValue(), out, scratch);
      }
      out.write('e');
    }
  }
}
