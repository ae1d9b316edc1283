package org.everseed.api.metainfo;

import java.io.ByteArrayOutputStream;

/**
 * Percent-encoding of raw bytes (RFC 3986), as tracker requests carry {@code info_hash} and {@code
 * peer_id}: unreserved characters stay as they are, every other byte becomes {@code %XX}.
 */
public final class PercentEncoding {

  private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

  private PercentEncoding() {}

  public static String encode(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length * 3);
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (isUnreserved(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX_DIGITS[c >>> 4]).append(HEX_DIGITS[c & 15]);
      }
    }
    return out.toString();
  }

  /**
   * Decodes {@code %XX} escapes and literal characters into bytes; {@code +} stays a plus, since it
   * never stands for a space in binary parameters. Rejects truncated escapes and characters outside
   * ASCII.
   */
  public static byte[] decode(CharSequence text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%') {
        if (i + 2 >= text.length()) {
          throw new IllegalArgumentException(
              "truncated %-escape at index " + i + " of '" + text + "'");
        }
        int high = hexValue(text.charAt(i + 1));
        int low = hexValue(text.charAt(i + 2));
        if (high < 0 || low < 0) {
          throw new IllegalArgumentException("bad %-escape at index " + i + " of '" + text + "'");
        }
        out.write(high << 4 | low);
        i += 2;
      } else if (c < 0x80) {
        out.write(c);
      } else {
        throw new IllegalArgumentException(
            "non-ASCII character at index " + i + " of '" + text + "'");
      }
    }
    return out.toByteArray();
  }

  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
