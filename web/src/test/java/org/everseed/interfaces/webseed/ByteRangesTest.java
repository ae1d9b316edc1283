package org.everseed.interfaces.webseed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Optional;
import org.everseed.interfaces.webseed.ByteRanges.Outcome;
import org.everseed.interfaces.webseed.ByteRanges.Range;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangesTest {
  private static Outcome parse(String header, long length) {
    return ByteRanges.parse(Optional.ofNullable(header), length);
  }

  private static List<Range> partial(String header, long length) {
    return assertInstanceOf(Outcome.Partial.class, parse(header, length)).ranges();
  }

  @Nested
  class Correct {
    @Test
    void closedOpenAndSuffixRanges() {
      assertEquals(List.of(new Range(0, 99)), partial("bytes=0-99", 1000));
      assertEquals(List.of(new Range(900, 999)), partial("bytes=900-", 1000));
      assertEquals(List.of(new Range(950, 999)), partial("bytes=-50", 1000));
      assertEquals(List.of(new Range(0, 999)), partial("bytes=-5000", 1000));
      assertEquals(List.of(new Range(990, 999)), partial("bytes=990-5000", 1000));
    }

    @Test
    void severalRangesKeepTheirOrder() {
      assertEquals(
          List.of(new Range(500, 599), new Range(0, 9)), partial("bytes=500-599, 0-9", 1000));
    }

    @Test
    void overlappingRangesAreCoalesced() {
      assertEquals(
          List.of(new Range(0, 199), new Range(300, 300)),
          partial("bytes=100-199,0-120,300-300", 1000));
    }

    @Test
    void unsatisfiableRangesAmongSatisfiableOnesAreDropped() {
      assertEquals(List.of(new Range(0, 0)), partial("bytes=5000-6000,0-0", 1000));
    }
  }

  @Nested
  class WholeOrUnsatisfiable {
    @Test
    void noHeaderOrOtherUnit() {
      assertInstanceOf(Outcome.Whole.class, parse(null, 10));
      assertInstanceOf(Outcome.Whole.class, parse("items=0-1", 10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=abc", "bytes=5-1", "bytes=1", "bytes=+1-2", "bytes=--1"})
    void malformedHeadersAreIgnored(String header) {
      assertInstanceOf(Outcome.Whole.class, parse(header, 10));
    }

    @Test
    void beyondTheEnd() {
      assertInstanceOf(Outcome.Unsatisfiable.class, parse("bytes=10-20", 10));
      // Regression: an open range starting at the length was taken for a malformed one (200).
      assertInstanceOf(Outcome.Unsatisfiable.class, parse("bytes=10-", 10));
      assertInstanceOf(Outcome.Unsatisfiable.class, parse("bytes=-0", 10));
      assertInstanceOf(Outcome.Unsatisfiable.class, parse("bytes=-1", 0));
    }

    @Test
    void tooManyRangesAreRefused() {
      String many = "bytes=" + "0-0,".repeat(ByteRanges.MAX_RANGES) + "0-0";
      assertInstanceOf(Outcome.Unsatisfiable.class, parse(many, 10));
    }
  }
}
