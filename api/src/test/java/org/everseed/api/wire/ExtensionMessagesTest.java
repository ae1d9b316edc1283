package org.everseed.api.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ExtensionMessagesTest {

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static PeerAddress peer(String address, int port) throws Exception {
    return new PeerAddress(InetAddress.getByName(address), port);
  }

  @Nested
  class Correct {

    @Test
    void extensionHandshakeAsLibtorrentSendsIt() {
      byte[] payload = ascii("d1:md11:ut_metadatai2e6:ut_pexi1ee1:pi6881e4:reqqi500e1:v5:x 1.0e");
      ExtensionHandshake handshake = ExtensionHandshake.decode(payload);
      assertEquals(OptionalInt.of(1), handshake.idOf(ExtensionHandshake.UT_PEX));
      assertEquals(OptionalInt.of(2), handshake.idOf("ut_metadata"));
      assertEquals(OptionalInt.of(6881), handshake.listenPort());
      assertEquals(Optional.of("x 1.0"), handshake.client());
      assertEquals(OptionalInt.of(500), handshake.requestQueueLength());
    }

    @Test
    void extensionHandshakeEncodesSortedKeys() {
      ExtensionHandshake handshake =
          new ExtensionHandshake(
              Map.of("ut_pex", 1),
              OptionalInt.of(6881),
              Optional.of("E"),
              OptionalInt.of(250),
              OptionalInt.of(300));
      assertArrayEquals(
          ascii("d1:md6:ut_pexi1ee13:metadata_sizei300e1:pi6881e4:reqqi250e1:v1:Ee"),
          handshake.encode());
    }

    @Test
    void disabledExtensionHasNoId() {
      ExtensionHandshake handshake = ExtensionHandshake.decode(ascii("d1:md6:ut_pexi0eee"));
      assertEquals(OptionalInt.empty(), handshake.idOf(ExtensionHandshake.UT_PEX));
    }

    @Test
    void peerExchangeWithIpv4AndIpv6() throws Exception {
      byte[] payload =
          ascii(
              "d5:added6:\u007f\u0000\u0000\u0001\u001a\u00e1"
                  + "7:added.f1:\u0000"
                  + "6:added618:\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000"
                  + "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0001\u001a\u00e2"
                  + "8:added6.f1:\u0000"
                  + "7:dropped6:\n\u0000\u0000\u0002\u0000\u0050"
                  + "8:dropped60:e");
      PeerExchange pex = PeerExchange.decode(payload);
      assertEquals(List.of(peer("127.0.0.1", 6881), peer("::1", 6882)), pex.added());
      assertEquals(List.of(peer("10.0.0.2", 80)), pex.dropped());
      assertArrayEquals(payload, pex.encode());
    }

    @Test
    void compactPeersAsTrackersSendThem() throws Exception {
      byte[] compact = HexFormat.of().parseHex("7f0000011ae10a0000020050");
      assertEquals(
          List.of(peer("127.0.0.1", 6881), peer("10.0.0.2", 80)),
          PeerAddress.decodeCompactIpv4(compact));
      assertArrayEquals(compact, PeerAddress.encodeCompact(PeerAddress.decodeCompactIpv4(compact)));
    }
  }

  @Nested
  class TooShort {

    @Test
    void emptyExtensionHandshake() {
      assertThrows(PeerWireException.class, () -> ExtensionHandshake.decode(new byte[0]));
    }

    @Test
    void truncatedPeerExchange() {
      assertThrows(PeerWireException.class, () -> PeerExchange.decode(ascii("d5:added6:\u007f")));
    }
  }

  @Nested
  class Invalid {

    @Test
    void extensionHandshakeThatIsAList() {
      assertThrows(PeerWireException.class, () -> ExtensionHandshake.decode(ascii("le")));
    }

    @Test
    void outOfRangeValuesAreIgnoredNotTrusted() {
      ExtensionHandshake handshake =
          ExtensionHandshake.decode(ascii("d1:md6:ut_pexi300ee1:pi70000ee"));
      assertEquals(OptionalInt.empty(), handshake.idOf(ExtensionHandshake.UT_PEX));
      assertEquals(OptionalInt.empty(), handshake.listenPort());
    }
  }

  @Nested
  class BadLength {

    @Test
    void compactPeersNotAMultipleOfSix() {
      assertThrows(
          PeerWireException.class, () -> PeerAddress.decodeCompactIpv4(new byte[] {1, 2, 3, 4, 5}));
    }

    @Test
    void peerExchangeAddedNotAMultipleOfSix() {
      assertThrows(
          PeerWireException.class,
          () -> PeerExchange.decode(ascii("d5:added5:\u007f\u0000\u0000\u0001\u001ae")));
    }
  }
}
