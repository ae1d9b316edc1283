package org.everseed.api.bencode;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BencodeDecoderTest {

  private static final BencodeDecoder DECODER = new BencodeDecoder();

  /** Latin-1 maps each char to one byte, so literals can carry any byte value. */
  private static byte[] bytes(String latin1) {
    return latin1.getBytes(ISO_8859_1);
  }

  private static BValue decode(String latin1) {
    return DECODER.decode(bytes(latin1));
  }

  private static BencodeException rejected(String latin1) {
    return assertThrows(BencodeException.class, () -> decode(latin1));
  }

  @Nested
  class Correct {
    @Test
    void integers() {
      assertEquals(new BInteger(0), decode("i0e"));
      assertEquals(new BInteger(42), decode("i42e"));
      assertEquals(new BInteger(-42), decode("i-42e"));
      assertEquals(new BInteger(Long.MAX_VALUE), decode("i9223372036854775807e"));
      assertEquals(new BInteger(Long.MIN_VALUE), decode("i-9223372036854775808e"));
    }

    @Test
    void stringsStayBytes() {
      assertEquals(BString.of(""), decode("0:"));
      assertEquals(BString.of("spam"), decode("4:spam"));
      BString binary = (BString) decode("3:\u0000\u00ff\u0080");
      assertArrayEquals(new byte[] {0, (byte) 0xFF, (byte) 0x80}, binary.bytes());
    }

    @Test
    void lists() {
      assertEquals(BList.of(), decode("le"));
      assertEquals(
          BList.of(BString.of("spam"), new BInteger(7), BList.of()), decode("l4:spami7elee"));
    }

    @Test
    void dictionaries() {
      BDictionary dictionary = (BDictionary) decode("d3:cow3:moo4:spaml1:a1:bee");
      assertEquals("moo", dictionary.getText("cow"));
      assertEquals(BList.of(BString.of("a"), BString.of("b")), dictionary.getList("spam"));
      assertEquals(BDictionary.empty(), decode("de"));
    }

    @Test
    void keysOrderedAsUnsignedBytes() {
      // 0x7f sorts before 0x80: a signed comparison would call this unsorted.
      BDictionary dictionary = (BDictionary) decode("d1:\u007fi1e1:\u0080i2ee");
      assertEquals(2, dictionary.size());
    }

    @Test
    void subrangeOfAnArray() {
      byte[] input = bytes("xxi5eyy");
      assertEquals(new BInteger(5), DECODER.decode(input, 2, 3));
    }

    @Test
    void spansOfTopLevelValues() {
      byte[] input = bytes("d4:infod6:lengthi3ee4:name1:ae");
      DecodedDictionary decoded = DECODER.decodeDictionary(input);
      Span info = decoded.spanOf("info").orElseThrow();
      assertEquals("d6:lengthi3ee", new String(info.copyOf(input), ISO_8859_1));
      assertEquals(
          "1:a", new String(decoded.spanOf("name").orElseThrow().copyOf(input), ISO_8859_1));
      assertTrue(decoded.spanOf("absent").isEmpty());
    }
  }

  @Nested
  class Truncated {
    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "''            | 0 | unexpected end of input in a value",
          "i             | 1 | unexpected end of input in an integer",
          "i42           | 3 | unexpected end of input in an integer",
          "4             | 1 | unexpected end of input in a string length",
          "4:spa         | 0 | string length 4 exceeds the 3 bytes left",
          "l4:spam       | 7 | unexpected end of input in a list",
          "d3:cow        | 6 | unexpected end of input in a value",
          "d3:cow3:moo   | 11 | unexpected end of input in a dictionary",
        })
    void missingBytesAreReportedWhereInputEnds(String input, long offset, String reason) {
      BencodeException e = rejected(input);
      assertEquals(reason, e.reason());
      assertEquals(offset, e.offset());
    }
  }

  @Nested
  class Invalid {
    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "i03e          | 1 | integer with a leading zero",
          "i-0e          | 0 | negative zero",
          "i-03e         | 2 | integer with a leading zero",
          "ie            | 0 | integer without digits",
          "i-e           | 0 | integer without digits",
          "i1.5e         | 2 | unexpected '.' in an integer",
          "i+1e          | 1 | unexpected '+' in an integer",
          "i9223372036854775808e | 0 | integer does not fit in 64 bits",
          "i-9223372036854775809e | 0 | integer does not fit in 64 bits",
          "03:abc        | 0 | string length with a leading zero",
          "3x:abc        | 1 | unexpected 'x' in a string length",
          "-3:abc        | 0 | unexpected '-' where a value should start",
          "x             | 0 | unexpected 'x' where a value should start",
          "i1ei2e        | 3 | 3 trailing bytes after the value",
          "4:spamx       | 6 | 1 trailing bytes after the value",
          "di1ei2ee      | 1 | dictionary key must be a string, found 'i'",
          "d1:bi1e1:ai2ee | 7 | dictionary keys not in sorted order",
          "d1:ai1e1:ai2ee | 7 | duplicate dictionary key",
          "d2:abi1e1:ai2ee | 8 | dictionary keys not in sorted order",
        })
    void nonCanonicalInputIsRejectedWithOffsetAndReason(String input, long offset, String reason) {
      BencodeException e = rejected(input);
      assertEquals(reason, e.reason());
      assertEquals(offset, e.offset());
    }

    @Test
    void controlBytesAreNamedInHex() {
      assertEquals("unexpected byte 0x00 where a value should start", rejected("\u0000").reason());
    }

    @Test
    void topLevelDictionaryRequiredForSpans() {
      assertThrows(BencodeException.class, () -> DECODER.decodeDictionary(bytes("le")));
    }
  }

  @Nested
  class Hostile {
    @Test
    void deepNestingStopsAtTheDepthLimitWithoutOverflowingTheStack() {
      String deep = "l".repeat(100_000) + "e".repeat(100_000);
      BencodeException e = rejected(deep);
      assertEquals("nesting deeper than the limit of 64 levels", e.reason());
      assertEquals(64, e.offset());
    }

    @Test
    void nestingUpToTheLimitIsAccepted() {
      BencodeDecoder decoder = new BencodeDecoder(BencodeLimits.DEFAULT.withMaxDepth(3));
      decoder.decode(bytes("llleee"));
      assertThrows(BencodeException.class, () -> decoder.decode(bytes("lllleeee")));
      assertThrows(BencodeException.class, () -> decoder.decode(bytes("dddeeee")));
    }

    @Test
    void hugeDeclaredLengthFailsBeforeAllocating() {
      BencodeException e = rejected("99999999999999999999999:abc");
      assertEquals("string length exceeds the limit of 33554432", e.reason());
      BencodeException withinLimit = rejected("1000000:abc");
      assertEquals("string length 1000000 exceeds the 3 bytes left", withinLimit.reason());
    }

    @Test
    void stringLimitIsConfigurable() {
      BencodeDecoder decoder = new BencodeDecoder(BencodeLimits.DEFAULT.withMaxStringLength(3));
      assertEquals(BString.of("abc"), decoder.decode(bytes("3:abc")));
      assertThrows(BencodeException.class, () -> decoder.decode(bytes("4:abcd")));
    }

    @Test
    void inputSizeLimitIsConfigurable() {
      BencodeDecoder decoder = new BencodeDecoder(BencodeLimits.DEFAULT.withMaxInputSize(4));
      assertEquals(new BInteger(10), decoder.decode(bytes("i10e")));
      BencodeException e =
          assertThrows(BencodeException.class, () -> decoder.decode(bytes("i100e")));
      assertEquals("input of 5 bytes exceeds the limit of 4", e.reason());
    }

    @Test
    void longRunOfDigitsInAnIntegerIsRejected() {
      assertEquals(
          "integer does not fit in 64 bits", rejected("i" + "9".repeat(10_000) + "e").reason());
    }

    @Test
    void manySmallValuesDecode() {
      String many = "l" + "i1e".repeat(50_000) + "e";
      assertEquals(50_000, ((BList) decode(many)).size());
    }
  }

  @Nested
  class Accessors {
    private final BDictionary dictionary =
        (BDictionary) decode("d4:listle3:numi7e3:str2:hi3:subdee");

    @Test
    void typedAccessorsReturnValues() {
      assertEquals(7, dictionary.getLong("num"));
      assertEquals("hi", dictionary.getText("str"));
      assertEquals(BList.of(), dictionary.getList("list"));
      assertEquals(BDictionary.empty(), dictionary.getDict("sub"));
      assertEquals(List.of(), dictionary.optionalList("list").orElseThrow().values());
      assertTrue(dictionary.optionalLong("missing").isEmpty());
    }

    @Test
    void wrongKindOrMissingKeyIsNamed() {
      assertEquals(
          "key 'str': expected integer, found string",
          assertThrows(BencodeException.class, () -> dictionary.getLong("str")).getMessage());
      assertEquals(
          "missing key 'nope'",
          assertThrows(BencodeException.class, () -> dictionary.getString("nope")).getMessage());
      assertThrows(BencodeException.class, () -> dictionary.optionalDict("num"));
    }
  }
}
