package org.everseed.api.tracker;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The parameters of a raw (still percent-encoded) query string, decoded byte for byte, in order,
 * with repeated keys kept.
 *
 * <pre>
 * query  = pair *( "&amp;" pair )       pair = key [ "=" value ]
 * escape = "%" HEXDIG HEXDIG        "+" = 0x20 (form encoding, as the original client sent spaces)
 * </pre>
 *
 * Every other character must be printable ASCII and stands for itself. Servlet containers decode
 * query strings as text in some charset, which corrupts binary {@code info_hash} and {@code
 * peer_id} values; this decoder never goes through a charset. It guards the number of parameters
 * and the decoded length of each value; what the tracker cannot decode it refuses with a {@link
 * TrackerRequestException}.
 */
public final class QueryParameters {

  /** More parameters than any client sends; bounds the work one request can cause. */
  public static final int MAX_PARAMETERS = 64;

  /** Longest decoded value (a scrape can carry many 20-byte hashes, one per parameter). */
  public static final int MAX_VALUE_BYTES = 256;

  private final String[] keys;
  private final byte[][] values;
  private final int count;

  private QueryParameters(String[] keys, byte[][] values, int count) {
    this.keys = keys;
    this.values = values;
    this.count = count;
  }

  /** Decodes {@code rawQuery} (may be {@code null} or empty: no parameters). */
  public static QueryParameters parse(CharSequence rawQuery) {
    String[] keys = new String[16];
    byte[][] values = new byte[16][];
    int count = 0;
    if (rawQuery == null) {
      return new QueryParameters(keys, values, 0);
    }
    int length = rawQuery.length();
    int start = 0;
    while (start <= length) {
      int end = indexOf(rawQuery, '&', start, length);
      if (end > start) {
        int equals = indexOf(rawQuery, '=', start, end);
        if (count == MAX_PARAMETERS) {
          throw new TrackerRequestException(
              "too many query parameters (at most " + MAX_PARAMETERS + ")");
        }
        if (count == keys.length) {
          keys = Arrays.copyOf(keys, count * 2);
          values = Arrays.copyOf(values, count * 2);
        }
        byte[] key = decode(rawQuery, start, equals, "a parameter name");
        keys[count] = keyName(key);
        values[count] = equals < end ? decode(rawQuery, equals + 1, end, keys[count]) : EMPTY;
        count++;
      }
      start = end + 1;
    }
    return new QueryParameters(keys, values, count);
  }

  public int size() {
    return count;
  }

  public String key(int index) {
    checkIndex(index);
    return keys[index];
  }

  /**
   * The decoded bytes of the {@code index}-th parameter (not copied: callers must not change it).
   */
  public byte[] value(int index) {
    checkIndex(index);
    return values[index];
  }

  /** How many times {@code key} occurs. */
  public int occurrences(String key) {
    int n = 0;
    for (int i = 0; i < count; i++) {
      if (keys[i].equals(key)) {
        n++;
      }
    }
    return n;
  }

  /** Every value of {@code key}, in order. */
  public List<byte[]> all(String key) {
    List<byte[]> found = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (keys[i].equals(key)) {
        found.add(values[i]);
      }
    }
    return found;
  }

  /**
   * The value of a parameter that may occur at most once; {@code null} when absent. A repeated
   * parameter is ambiguous, so it is refused rather than guessed.
   */
  public byte[] single(String key) {
    byte[] found = null;
    for (int i = 0; i < count; i++) {
      if (keys[i].equals(key)) {
        if (found != null) {
          throw new TrackerRequestException("parameter " + key + " given more than once");
        }
        found = values[i];
      }
    }
    return found;
  }

  private void checkIndex(int index) {
    if (index < 0 || index >= count) {
      throw new IndexOutOfBoundsException(index);
    }
  }

  private static int indexOf(CharSequence text, char wanted, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == wanted) {
        return i;
      }
    }
    return to;
  }

  /** The parameter names clients send, shared so that parsing them allocates nothing. */
  private static final String[] KNOWN_KEYS = {
    "info_hash", "peer_id", "port", "uploaded", "downloaded", "left", "event", "numwant",
    "compact", "no_peer_id", "ip", "ipv6", "key", "trackerid", "corrupt", "supportcrypto",
    "requirecrypto", "redundant"
  };

  private static final byte[] EMPTY = new byte[0];

  private static String keyName(byte[] key) {
    for (String known : KNOWN_KEYS) {
      if (known.length() == key.length && matches(known, key)) {
        return known;
      }
    }
    return new String(key, StandardCharsets.ISO_8859_1);
  }

  private static boolean matches(String known, byte[] key) {
    for (int i = 0; i < key.length; i++) {
      if (known.charAt(i) != key[i]) {
        return false;
      }
    }
    return true;
  }

  /** Decodes {@code text[from, to)} into an array of exactly the decoded length. */
  private static byte[] decode(CharSequence text, int from, int to, String what) {
    int escapes = 0;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '%') {
        escapes++;
      }
    }
    int decodedLength = to - from - 2 * escapes;
    if (decodedLength > MAX_VALUE_BYTES) {
      throw new TrackerRequestException(
          what + " is longer than " + MAX_VALUE_BYTES + " bytes once decoded");
    }
    if (decodedLength <= 0) {
      // only possible with a truncated escape ("%", "%4") or nothing at all
      if (escapes > 0) {
        throw new TrackerRequestException("truncated %-escape in " + what);
      }
      return EMPTY;
    }
    byte[] out = new byte[decodedLength];
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '%') {
        if (i + 2 >= to) {
          throw new TrackerRequestException("truncated %-escape in " + what);
        }
        int high = hexValue(text.charAt(i + 1));
        int low = hexValue(text.charAt(i + 2));
        if ((high | low) < 0) {
          throw new TrackerRequestException("invalid %-escape in " + what);
        }
        out[n++] = (byte) (high << 4 | low);
        i += 2;
      } else if (c == '+') {
        out[n++] = ' ';
      } else if (c > 0x20 && c < 0x7F) {
        out[n++] = (byte) c;
      } else {
        throw new TrackerRequestException("character outside printable ASCII in " + what);
      }
    }
    return out;
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
}
