package org.everseed.api.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetadataMessageTest {

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Nested
  class Correct {

    @Test
    void requestAndReject() {
      assertEquals(
          MetadataMessage.request(3), MetadataMessage.decode(ascii("d8:msg_typei0e5:piecei3ee")));
      assertArrayEquals(ascii("d8:msg_typei0e5:piecei3ee"), MetadataMessage.request(3).encode());
      assertArrayEquals(ascii("d8:msg_typei2e5:piecei0ee"), MetadataMessage.reject(0).encode());
    }

    @Test
    void dataCarriesTheBytesAfterTheDictionary() {
      byte[] payload = ascii("d8:msg_typei1e5:piecei0e10:total_sizei5eeabcde");
      MetadataMessage message = MetadataMessage.decode(payload);
      assertEquals(MetadataMessage.DATA, message.type());
      assertEquals(5, message.totalSize());
      assertArrayEquals(ascii("abcde"), message.data());
      assertArrayEquals(payload, message.encode());
    }
  }

  @Nested
  class TooShort {

    @ParameterizedTest
    @ValueSource(strings = {"", "d", "d8:msg_type", "d8:msg_typei1", "d8:msg_typei0e5:piecei3e"})
    void cutShort(String payload) {
      assertThrows(PeerWireException.class, () -> MetadataMessage.decode(ascii(payload)));
    }
  }

  @Nested
  class Invalid {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "le",
          "d8:msg_typei7e5:piecei0ee",
          "d5:piecei0ee",
          "d8:msg_type3:abc5:piecei0ee"
        })
    void malformed(String payload) {
      assertThrows(PeerWireException.class, () -> MetadataMessage.decode(ascii(payload)));
    }
  }

  @Nested
  class BadLength {

    @Test
    void requestWithTrailingBytes() {
      assertThrows(
          PeerWireException.class,
          () -> MetadataMessage.decode(ascii("d8:msg_typei0e5:piecei0eex")));
    }

    @Test
    void totalSizeBeyondTheLimit() {
      assertThrows(
          PeerWireException.class,
          () ->
              MetadataMessage.decode(ascii("d8:msg_typei1e5:piecei0e10:total_sizei999999999eex")));
    }

    @Test
    void pieceLargerThan16KiB() {
      byte[] header = ascii("d8:msg_typei1e5:piecei0e10:total_sizei20000ee");
      byte[] payload = new byte[header.length + 16 * 1024 + 1];
      System.arraycopy(header, 0, payload, 0, header.length);
      assertThrows(PeerWireException.class, () -> MetadataMessage.decode(payload));
    }
  }
}
