package org.everseed.api.tracker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

  @Nested
  class Correct {
    @Test
    void everyByteValueSurvivesPercentEncodingUpperAndLowerCase() {
      for (int b = 0; b < 256; b++) {
        String upper = String.format("%%%02X", b);
        String lower = String.format("%%%02x", b);
        assertArrayEquals(
            new byte[] {(byte) b}, QueryParameters.parse("v=" + upper).single("v"), upper);
        assertArrayEquals(
            new byte[] {(byte) b}, QueryParameters.parse("v=" + lower).single("v"), lower);
      }
    }

    @Test
    void allTwoHundredFiftySixByteValuesInTwentyByteInfoHashes() {
      // 13 hashes of 20 bytes cover 0x00..0xFF, escaped or literal where a client may leave them
      for (int first = 0; first < 256; first += 20) {
        byte[] hash = new byte[20];
        StringBuilder mixed = new StringBuilder("info_hash=");
        for (int i = 0; i < 20; i++) {
          int b = (first + i) & 0xFF;
          hash[i] = (byte) b;
          boolean unreserved =
              Character.isLetterOrDigit(b) && b < 0x80 || b == '-' || b == '.' || b == '_';
          mixed.append(unreserved ? String.valueOf((char) b) : String.format("%%%02X", b));
        }
        assertArrayEquals(hash, QueryParameters.parse(mixed).single("info_hash"), mixed.toString());
      }
    }

    @Test
    void plusIsASpaceLikePercentTwentyAndPercentTwoBIsAPlus() {
      QueryParameters q = QueryParameters.parse("a=x+y&b=x%20y&c=x%2By");
      assertArrayEquals("x y".getBytes(StandardCharsets.US_ASCII), q.single("a"));
      assertArrayEquals("x y".getBytes(StandardCharsets.US_ASCII), q.single("b"));
      assertArrayEquals("x+y".getBytes(StandardCharsets.US_ASCII), q.single("c"));
    }

    @Test
    void repeatedKeysAreKeptInOrder() {
      QueryParameters q = QueryParameters.parse("info_hash=a&x=1&info_hash=b");
      List<byte[]> all = q.all("info_hash");
      assertEquals(2, all.size());
      assertArrayEquals(new byte[] {'a'}, all.get(0));
      assertArrayEquals(new byte[] {'b'}, all.get(1));
      assertEquals(2, q.occurrences("info_hash"));
      assertEquals(3, q.size());
    }

    @Test
    void emptySegmentsAndKeysWithoutValues() {
      QueryParameters q = QueryParameters.parse("&&a&b=&&");
      assertEquals(2, q.size());
      assertArrayEquals(new byte[0], q.single("a"));
      assertArrayEquals(new byte[0], q.single("b"));
      assertNull(q.single("c"));
      assertEquals(0, QueryParameters.parse(null).size());
      assertEquals(0, QueryParameters.parse("").size());
    }

    @Test
    void equalsSignInsideAValueIsData() {
      assertArrayEquals(
          "a=b".getBytes(StandardCharsets.US_ASCII), QueryParameters.parse("k=a=b").single("k"));
    }

    @Test
    void valueOfExactlyTheMaximumLengthIsAccepted() {
      String value = "%41".repeat(QueryParameters.MAX_VALUE_BYTES);
      assertEquals(
          QueryParameters.MAX_VALUE_BYTES, QueryParameters.parse("k=" + value).single("k").length);
    }
  }

  @Nested
  class Refused {
    @Test
    void repeatedKeyWhereOneIsExpected() {
      QueryParameters q = QueryParameters.parse("port=1&port=2");
      TrackerRequestException e =
          assertThrows(TrackerRequestException.class, () -> q.single("port"));
      assertTrue(e.failureReason().contains("port"), e.failureReason());
    }

    @Test
    void overLongValue() {
      String value = "A".repeat(QueryParameters.MAX_VALUE_BYTES + 1);
      TrackerRequestException e =
          assertThrows(
              TrackerRequestException.class, () -> QueryParameters.parse("peer_id=" + value));
      assertTrue(e.failureReason().contains("peer_id"), e.failureReason());
    }

    @Test
    void tooManyParameters() {
      String query = "a=1&".repeat(QueryParameters.MAX_PARAMETERS + 1);
      assertThrows(TrackerRequestException.class, () -> QueryParameters.parse(query));
    }

    @Test
    void truncatedEscapes() {
      assertThrows(TrackerRequestException.class, () -> QueryParameters.parse("k=%"));
      assertThrows(TrackerRequestException.class, () -> QueryParameters.parse("k=%4"));
      assertThrows(TrackerRequestException.class, () -> QueryParameters.parse("k=%4&x=1"));
    }

    @Test
    void invalidEscapeDigits() {
      assertThrows(TrackerRequestException.class, () -> QueryParameters.parse("k=%G1"));
      assertThrows(TrackerRequestException.class, () -> QueryParameters.parse("k=%-1"));
    }

    @Test
    void rawNonAsciiAndControlCharacters() {
      assertThrows(TrackerRequestException.class, () -> QueryParameters.parse("k=\u00e9"));
      assertThrows(TrackerRequestException.class, () -> QueryParameters.parse("k=a b"));
      assertThrows(TrackerRequestException.class, () -> QueryParameters.parse("k=\u0000"));
    }
  }
}
