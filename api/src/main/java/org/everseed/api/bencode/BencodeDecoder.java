package org.everseed.api.bencode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Strict BEP 3 decoder: accepts exactly the canonical encoding of one value, so {@code
 * encode(decode(bytes))} always equals {@code bytes}. Anything else is a {@link BencodeException}
 * with the byte offset of the problem.
 *
 * <pre>
 * string:     &lt;length&gt;:&lt;bytes&gt;          length in decimal, no sign, no leading zero ("0:" is empty)
 * integer:    i&lt;decimal&gt;e                no leading zero, no "-0", fits in 64 bits
 * list:       l&lt;value&gt;*e
 * dictionary: d(&lt;string key&gt;&lt;value&gt;)*e   keys strictly increasing in unsigned byte order
 * </pre>
 *
 * Instances are immutable and thread-safe.
 */
public final class BencodeDecoder {

  private final BencodeLimits limits;

  public BencodeDecoder(BencodeLimits limits) {
    this.limits = limits;
  }

  /** A decoder with {@link BencodeLimits#DEFAULT}. */
  public BencodeDecoder() {
    this(BencodeLimits.DEFAULT);
  }

  public BencodeLimits limits() {
    return limits;
  }

  /** Decodes the single value that {@code input} holds. */
  public BValue decode(byte[] input) {
    return decode(input, 0, input.length);
  }

  /** Decodes the single value that {@code input[offset, offset + length)} holds. */
  public BValue decode(byte[] input, int offset, int length) {
    Cursor cursor = new Cursor(input, offset, length, null);
    BValue value = cursor.value(0);
    cursor.expectEnd();
    return value;
  }

  /** Decodes a top-level dictionary and records where each of its values lies in {@code input}. */
  public DecodedDictionary decodeDictionary(byte[] input) {
    Map<BString, Span> spans = new HashMap<>();
    Cursor cursor = new Cursor(input, 0, input.length, spans);
    if (input.length > 0 && input[0] != 'd') {
      throw new BencodeException("expected a dictionary", 0);
    }
    BValue value = cursor.value(0);
    cursor.expectEnd();
    return new DecodedDictionary((BDictionary) value, spans);
  }

  private final class Cursor {
    private final byte[] input;
    private final int end;
    private final Map<BString, Span> topLevelSpans;
    private int pos;

    Cursor(byte[] input, int offset, int length, Map<BString, Span> topLevelSpans) {
      if (offset < 0 || length < 0 || offset > input.length - length) {
        throw new IndexOutOfBoundsException(
            "range " + offset + "+" + length + " outside an array of " + input.length);
      }
      if (length > limits.maxInputSize()) {
        throw new BencodeException(
            "input of " + length + " bytes exceeds the limit of " + limits.maxInputSize(), 0);
      }
      this.input = input;
      this.pos = offset;
      this.end = offset + length;
      this.topLevelSpans = topLevelSpans;
    }

    BValue value(int depth) {
      int b = peek("a value");
      if (b == 'i') {
        return integer();
      }
      if (b >= '0' && b <= '9') {
        return string();
      }
      if (b == 'l') {
        return list(depth + 1);
      }
      if (b == 'd') {
        return dictionary(depth + 1);
      }
      throw new BencodeException("unexpected " + describe(b) + " where a value should start", pos);
    }

    private BInteger integer() {
      int start = pos;
      pos++; // 'i'
      boolean negative = false;
      if (peek("an integer") == '-') {
        negative = true;
        pos++;
      }
      int firstDigit = pos;
      // Accumulate negatively so Long.MIN_VALUE parses without overflow.
      long value = 0;
      while (true) {
        int b = peek("an integer");
        if (b == 'e') {
          break;
        }
        if (b < '0' || b > '9') {
          throw new BencodeException("unexpected " + describe(b) + " in an integer", pos);
        }
        if (pos > firstDigit && input[firstDigit] == '0') {
          throw new BencodeException("integer with a leading zero", firstDigit);
        }
        int digit = b - '0';
        if (value < (Long.MIN_VALUE + digit) / 10) {
          throw new BencodeException("integer does not fit in 64 bits", start);
        }
        value = value * 10 - digit;
        pos++;
      }
      if (pos == firstDigit) {
        throw new BencodeException("integer without digits", start);
      }
      if (negative && value == 0) {
        throw new BencodeException("negative zero", start);
      }
      if (!negative && value == Long.MIN_VALUE) {
        throw new BencodeException("integer does not fit in 64 bits", start);
      }
      pos++; // 'e'
      return new BInteger(negative ? value : -value);
    }

    private BString string() {
      int start = stringBody();
      return new BString(Arrays.copyOfRange(input, start, pos));
    }

    /** Consumes a string and returns the offset of its first content byte; pos ends after it. */
    private int stringBody() {
      int start = pos;
      long length = 0;
      while (true) {
        int b = peek("a string length");
        if (b == ':') {
          break;
        }
        if (b < '0' || b > '9') {
          throw new BencodeException("unexpected " + describe(b) + " in a string length", pos);
        }
        if (pos > start && input[start] == '0') {
          throw new BencodeException("string length with a leading zero", start);
        }
        length = length * 10 + (b - '0');
        if (length > limits.maxStringLength()) {
          throw new BencodeException(
              "string length exceeds the limit of " + limits.maxStringLength(), start);
        }
        pos++;
      }
      pos++; // ':'
      if (length > end - pos) {
        throw new BencodeException(
            "string length " + length + " exceeds the " + (end - pos) + " bytes left", start);
      }
      int contentStart = pos;
      pos += (int) length;
      return contentStart;
    }

    private BList list(int depth) {
      checkDepth(depth);
      pos++; // 'l'
      List<BValue> values = new ArrayList<>();
      while (peek("a list") != 'e') {
        values.add(value(depth));
      }
      pos++;
      return new BList(values);
    }

    private BDictionary dictionary(int depth) {
      checkDepth(depth);
      pos++; // 'd'
      TreeMap<BString, BValue> entries = new TreeMap<>();
      int previousKeyStart = -1;
      int previousKeyEnd = -1;
      while (true) {
        int b = peek("a dictionary");
        if (b == 'e') {
          break;
        }
        if (b < '0' || b > '9') {
          throw new BencodeException("dictionary key must be a string, found " + describe(b), pos);
        }
        int keyOffset = pos;
        int keyStart = stringBody();
        int keyEnd = pos;
        if (previousKeyStart >= 0) {
          int order =
              Arrays.compareUnsigned(
                  input, previousKeyStart, previousKeyEnd, input, keyStart, keyEnd);
          if (order == 0) {
            throw new BencodeException("duplicate dictionary key", keyOffset);
          }
          if (order > 0) {
            throw new BencodeException("dictionary keys not in sorted order", keyOffset);
          }
        }
        previousKeyStart = keyStart;
        previousKeyEnd = keyEnd;
        BString key = new BString(Arrays.copyOfRange(input, keyStart, keyEnd));
        int valueStart = pos;
        entries.put(key, value(depth));
        if (depth == 1 && topLevelSpans != null) {
          topLevelSpans.put(key, new Span(valueStart, pos - valueStart));
        }
      }
      pos++;
      return new BDictionary(entries);
    }

    private void checkDepth(int depth) {
      if (depth > limits.maxDepth()) {
        throw new BencodeException(
            "nesting deeper than the limit of " + limits.maxDepth() + " levels", pos);
      }
    }

    private int peek(String inside) {
      if (pos >= end) {
        throw new BencodeException("unexpected end of input in " + inside, pos);
      }
      return input[pos] & 0xFF;
    }

    void expectEnd() {
      if (pos != end) {
        throw new BencodeException((end - pos) + " trailing bytes after the value", pos);
      }
    }
  }

  private static String describe(int b) {
    return b >= 0x20 && b < 0x7F ? "'" + (char) b + "'" : String.format("byte 0x%02x", b);
  }
}
