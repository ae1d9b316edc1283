package org.everseed.interfaces.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormatsTest {
  private final Formats formats = new Formats();

  @Test
  void bytesBelowAKibibyteAreExact() {
    assertEquals("0 B", formats.bytes(0));
    assertEquals("1023 B", formats.bytes(1023));
  }

  @Test
  void bytesUseBinaryUnitsWithoutNeedlessDecimals() {
    assertEquals("16 KiB", formats.bytes(16 * 1024));
    assertEquals("1.50 KiB", formats.bytes(1536));
    assertEquals("293.0 KiB", formats.bytes(300_000));
    assertEquals("4.77 MiB", formats.bytes(5_000_000));
    assertEquals("64 GiB", formats.bytes(64L << 30));
  }

  @Test
  void ratingIsADashUntilSomebodyRates() {
    assertEquals("–", formats.rating(0, 0));
    assertEquals("4.3", formats.rating(4.333, 3));
  }

  @Test
  void instantsAreWrittenInUtc() {
    assertEquals("2026-11-22 00:36 UTC", formats.instant(Instant.parse("2026-11-22T00:36:26Z")));
    assertEquals("", formats.instant(null));
  }

  @Test
  void listsAreCommaSeparatedOrADash() {
    assertEquals("a, b", formats.list(List.of("a", "b")));
    assertEquals("–", formats.list(List.of()));
  }
}
