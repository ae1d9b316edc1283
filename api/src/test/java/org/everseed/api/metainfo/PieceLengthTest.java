package org.everseed.api.metainfo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PieceLengthTest {

  @ParameterizedTest
  @CsvSource({
    "1,                 16384",
    "32768000,          16384",
    "32768001,          32768",
    "1073741824,        1048576",
    "4294967296,        4194304",
    "34359738368,       16777216",
    "1099511627776,     16777216",
  })
  void automaticChoiceAimsAtNoMoreThan2000PiecesWithin16KiBAnd16MiB(long total, int expected) {
    assertEquals(expected, PieceLength.automatic(total));
  }
}
