package org.everseed.api.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebSeedClaimTest {

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  @Nested
  class Correct {
    @Test
    void pieceIndexRoundTrips() {
      assertEquals(new WebSeedClaim(42), WebSeedClaim.decode(ascii("d5:piecei42ee")));
      assertArrayEquals(ascii("d5:piecei0ee"), new WebSeedClaim(0).encode());
    }
  }

  @Nested
  class TooShort {
    @ParameterizedTest
    @ValueSource(strings = {"", "d5:piecei", "d5:pieceiee"})
    void cut(String payload) {
      assertThrows(PeerWireException.class, () -> WebSeedClaim.decode(ascii(payload)));
    }
  }

  @Nested
  class Invalid {
    @ParameterizedTest
    @ValueSource(strings = {"d5:piecei-1ee", "d5:piecei01ee", "d5:piecei1xee", "d4:ipiei1ee"})
    void malformed(String payload) {
      assertThrows(PeerWireException.class, () -> WebSeedClaim.decode(ascii(payload)));
    }
  }

  @Nested
  class BadLength {
    @Test
    void indexBeyondInt() {
      assertThrows(
          PeerWireException.class, () -> WebSeedClaim.decode(ascii("d5:piecei2147483648ee")));
    }
  }
}
