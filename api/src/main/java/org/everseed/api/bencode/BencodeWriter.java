package org.everseed.api.bencode;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes single bencoded values straight into a {@code byte[]} or a {@link ByteBuffer}, for hot
 * paths (tracker answers) that should not build a {@link BValue} tree. Nothing here allocates.
 *
 * <pre>
 * integer: i&lt;decimal&gt;e        string: &lt;decimal length&gt;:&lt;bytes&gt;
 * </pre>
 *
 * The {@code byte[]} methods return the position after what they wrote; they throw {@link
 * IndexOutOfBoundsException} when the array is too short. Size buffers with {@link #integerLength}
 * and {@link #stringLength}.
 */
public final class BencodeWriter {

  private static final int MAX_LONG_DIGITS = 20; // "-9223372036854775808" is 20 characters

  private BencodeWriter() {}

  /** Bytes taken by {@code i<value>e}. */
  public static int integerLength(long value) {
    return 2 + decimalLength(value);
  }

  /** Bytes taken by a string of {@code contentLength} bytes, header included. */
  public static long stringLength(long contentLength) {
    return decimalLength(contentLength) + 1 + contentLength;
  }

  /** Characters in the decimal form of {@code value}, sign included. */
  public static int decimalLength(long value) {
    if (value == Long.MIN_VALUE) {
      return MAX_LONG_DIGITS;
    }
    int length = value < 0 ? 2 : 1;
    long rest = Math.abs(value);
    while (rest >= 10) {
      rest /= 10;
      length++;
    }
    return length;
  }

  /** The complete encoding of a UTF-8 string, e.g. for dictionary keys kept as constants. */
  public static byte[] encodedString(String utf8) {
    byte[] content = utf8.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[(int) stringLength(content.length)];
    writeString(out, 0, content, 0, content.length);
    return out;
  }

  public static int writeInteger(byte[] out, int pos, long value) {
    out[pos++] = 'i';
    pos = writeDecimal(out, pos, value);
    out[pos++] = 'e';
    return pos;
  }

  public static int writeString(byte[] out, int pos, byte[] content) {
    return writeString(out, pos, content, 0, content.length);
  }

  public static int writeString(byte[] out, int pos, byte[] content, int offset, int length) {
    pos = writeStringHeader(out, pos, length);
    System.arraycopy(content, offset, out, pos, length);
    return pos + length;
  }

  /** Writes {@code <length>:}; the caller then writes the content itself. */
  public static int writeStringHeader(byte[] out, int pos, long contentLength) {
    if (contentLength < 0) {
      throw new IllegalArgumentException("negative string length " + contentLength);
    }
    pos = writeDecimal(out, pos, contentLength);
    out[pos++] = ':';
    return pos;
  }

  /** Writes the decimal digits of {@code value}, with a '-' if negative. */
  public static int writeDecimal(byte[] out, int pos, long value) {
    int length = decimalLength(value);
    int last = pos + length - 1;
    if (value < 0) {
      out[pos] = '-';
    }
    if (last >= out.length) {
      throw new IndexOutOfBoundsException("no room for " + length + " digits at " + pos);
    }
    // Work on the negative value so Long.MIN_VALUE needs no special case.
    long rest = value < 0 ? value : -value;
    int i = last;
    do {
      out[i--] = (byte) ('0' - (rest % 10));
      rest /= 10;
    } while (rest != 0);
    return last + 1;
  }

  public static void putInteger(ByteBuffer out, long value) {
    out.put((byte) 'i');
    putDecimal(out, value);
    out.put((byte) 'e');
  }

  public static void putString(ByteBuffer out, byte[] content) {
    putString(out, content, 0, content.length);
  }

  public static void putString(ByteBuffer out, byte[] content, int offset, int length) {
    putStringHeader(out, length);
    out.put(content, offset, length);
  }

  /** Puts {@code <length>:}; the caller then puts the content itself (e.g. compact peers). */
  public static void putStringHeader(ByteBuffer out, long contentLength) {
    if (contentLength < 0) {
      throw new IllegalArgumentException("negative string length " + contentLength);
    }
    putDecimal(out, contentLength);
    out.put((byte) ':');
  }

  public static void putDecimal(ByteBuffer out, long value) {
    if (out.hasArray()) {
      int start = out.arrayOffset() + out.position();
      int length = decimalLength(value);
      if (out.remaining() < length) {
        throw new java.nio.BufferOverflowException();
      }
      writeDecimal(out.array(), start, value);
      out.position(out.position() + length);
      return;
    }
    byte[] digits = new byte[MAX_LONG_DIGITS];
    int length = writeDecimal(digits, 0, value);
    out.put(digits, 0, length);
  }
}
