package org.everseed.api.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.everseed.api.metainfo.InfoHash;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HandshakeTest {

  private static final String PROTOCOL = "13 426974546f7272656e742070726f746f636f6c";
  private static final String INFO_HASH = "0102030405060708090a0b0c0d0e0f1011121314";
  private static final String PEER_ID = "2d4553303130302d" + "414243444546474849 4a4b4c";

  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  @Nested
  class Correct {

    @Test
    void extensionAndFastBitsAreWhereBep10AndBep6PutThem() {
      byte[] bytes = hex(PROTOCOL + "0000000000100004" + INFO_HASH + PEER_ID);
      Handshake handshake = Handshake.decode(bytes);
      assertTrue(handshake.supportsExtensionProtocol());
      assertTrue(handshake.supportsFastExtension());
      assertEquals(InfoHash.fromHex(INFO_HASH), handshake.infoHash());
      assertEquals("-ES0100-ABCDEFGHIJKL", new String(handshake.peerId(), StandardCharsets.UTF_8));
      assertArrayEquals(bytes, handshake.encode());
      assertArrayEquals(
          bytes, Handshake.of(InfoHash.fromHex(INFO_HASH), hex(PEER_ID), true).encode());
    }

    @Test
    void unknownReservedBitsSurviveARoundTrip() {
      byte[] bytes = hex(PROTOCOL + "8000000000000001" + INFO_HASH + PEER_ID);
      Handshake handshake = Handshake.decode(bytes);
      assertFalse(handshake.supportsExtensionProtocol());
      assertFalse(handshake.supportsFastExtension());
      assertArrayEquals(bytes, handshake.encode());
    }
  }

  @Nested
  class TooShort {

    @Test
    void missingPeerId() {
      assertThrows(
          PeerWireException.class,
          () -> Handshake.decode(hex(PROTOCOL + "0000000000000000" + INFO_HASH)));
    }
  }

  @Nested
  class Invalid {

    @Test
    void otherProtocolString() {
      byte[] bytes = hex(PROTOCOL + "0000000000000000" + INFO_HASH + PEER_ID);
      bytes[1] = 'b';
      assertThrows(PeerWireException.class, () -> Handshake.decode(bytes));
    }
  }

  @Nested
  class BadLength {

    @Test
    void protocolLengthByteOtherThan19() {
      byte[] bytes = hex(PROTOCOL + "0000000000000000" + INFO_HASH + PEER_ID);
      bytes[0] = 18;
      assertThrows(PeerWireException.class, () -> Handshake.decode(bytes));
    }

    @Test
    void trailingByte() {
      assertThrows(
          PeerWireException.class,
          () -> Handshake.decode(hex(PROTOCOL + "0000000000000000" + INFO_HASH + PEER_ID + "00")));
    }
  }
}
