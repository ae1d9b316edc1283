package org.everseed.api.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.everseed.api.wire.PeerMessage.AllowedFast;
import org.everseed.api.wire.PeerMessage.Bitfield;
import org.everseed.api.wire.PeerMessage.Cancel;
import org.everseed.api.wire.PeerMessage.Choke;
import org.everseed.api.wire.PeerMessage.Extended;
import org.everseed.api.wire.PeerMessage.Have;
import org.everseed.api.wire.PeerMessage.HaveAll;
import org.everseed.api.wire.PeerMessage.HaveNone;
import org.everseed.api.wire.PeerMessage.Interested;
import org.everseed.api.wire.PeerMessage.KeepAlive;
import org.everseed.api.wire.PeerMessage.NotInterested;
import org.everseed.api.wire.PeerMessage.Piece;
import org.everseed.api.wire.PeerMessage.Port;
import org.everseed.api.wire.PeerMessage.RejectRequest;
import org.everseed.api.wire.PeerMessage.Request;
import org.everseed.api.wire.PeerMessage.SuggestPiece;
import org.everseed.api.wire.PeerMessage.Unchoke;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeerMessageCodecTest {

  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  private static void assertCodes(String frameHex, PeerMessage message) {
    byte[] frame = hex(frameHex);
    assertEquals(message, PeerMessageCodec.decode(frame));
    assertArrayEquals(frame, PeerMessageCodec.encode(message));
    assertEquals(frame.length, PeerMessageCodec.encodedLength(message));
  }

  @Nested
  class Correct {

    @Test
    void keepAliveIsAZeroLength() {
      assertCodes("00000000", new KeepAlive());
    }

    @Test
    void stateMessagesAreOneByte() {
      assertCodes("00000001 00", new Choke());
      assertCodes("00000001 01", new Unchoke());
      assertCodes("00000001 02", new Interested());
      assertCodes("00000001 03", new NotInterested());
      assertCodes("00000001 0e", new HaveAll());
      assertCodes("00000001 0f", new HaveNone());
    }

    @Test
    void haveCarriesAPieceIndex() {
      assertCodes("00000005 04 00000102", new Have(258));
      assertCodes("00000005 0d 00000007", new SuggestPiece(7));
      assertCodes("00000005 11 7fffffff", new AllowedFast(Integer.MAX_VALUE));
    }

    @Test
    void bitfieldCarriesItsBytes() {
      assertCodes("00000003 05 ffc0", new Bitfield(hex("ffc0")));
      Bitfield bitfield = (Bitfield) PeerMessageCodec.decode(hex("00000003 05 8001"));
      assertTrue(bitfield.has(0));
      assertFalse(bitfield.has(1));
      assertTrue(bitfield.has(15));
      assertFalse(bitfield.has(16));
    }

    @Test
    void requestCancelAndRejectCarryABlock() {
      assertCodes("0000000d 06 00000001 00004000 00004000", new Request(1, 16384, 16384));
      assertCodes("0000000d 08 00000001 00004000 00004000", new Cancel(1, 16384, 16384));
      assertCodes("0000000d 10 00000001 00004000 00004000", new RejectRequest(1, 16384, 16384));
    }

    @Test
    void pieceCarriesItsBlock() {
      assertCodes("0000000c 07 00000002 00008000 616263", new Piece(2, 32768, hex("616263")));
      assertCodes("00000009 07 00000002 00008000", new Piece(2, 32768, new byte[0]));
    }

    @Test
    void pieceHeaderIsReadWithoutCopyingTheBlock() {
      ByteBuffer frame = ByteBuffer.wrap(hex("0000000c 07 00000002 00008000 616263"));
      assertEquals(
          new PeerMessageCodec.BlockHeader(2, 32768, 3), PeerMessageCodec.decodePieceHeader(frame));
      ByteBuffer header = ByteBuffer.allocate(13);
      PeerMessageCodec.encodePieceHeader(2, 32768, 3, header);
      assertArrayEquals(hex("0000000c 07 00000002 00008000"), header.array());
    }

    @Test
    void portAndExtended() {
      assertCodes("00000003 09 1ae1", new Port(6881));
      assertCodes("00000004 14 03 6465", new Extended(3, hex("6465")));
      assertCodes("00000002 14 00", new Extended(0, new byte[0]));
    }

    @Test
    void fullBitfieldLeavesSpareBitsClear() {
      assertArrayEquals(hex("ffe0"), PeerMessageCodec.fullBitfield(11));
      assertArrayEquals(hex("ff"), PeerMessageCodec.fullBitfield(8));
    }

    @Test
    void peekReadsTheLengthWithoutConsumingIt() {
      ByteBuffer buffer = ByteBuffer.wrap(hex("00000005 04 00000001"));
      assertEquals(5, PeerMessageCodec.peekMessageLength(buffer));
      assertEquals(0, buffer.position());
    }
  }

  @Nested
  class TooShort {

    @ParameterizedTest
    @ValueSource(strings = {"", "00", "000000"})
    void lengthPrefixCut(String frame) {
      assertEquals(-1, PeerMessageCodec.peekMessageLength(ByteBuffer.wrap(hex(frame))));
      assertThrows(PeerWireException.class, () -> PeerMessageCodec.decode(hex(frame)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"00000005 04 000001", "0000000d 06 00000001 00004000", "00000001"})
    void bodyCut(String frame) {
      assertThrows(PeerWireException.class, () -> PeerMessageCodec.decode(hex(frame)));
    }

    @Test
    void pieceWithoutBegin() {
      assertThrows(
          PeerWireException.class, () -> PeerMessageCodec.decode(hex("00000005 07 00000001")));
    }
  }

  @Nested
  class Invalid {

    @ParameterizedTest
    @ValueSource(strings = {"00000001 0a", "00000001 ff", "00000001 15"})
    void unknownIds(String frame) {
      assertThrows(PeerWireException.class, () -> PeerMessageCodec.decode(hex(frame)));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "00000005 04 80000000",
          "0000000d 06 00000001 80000000 00004000",
          "0000000d 08 00000001 00000000 ffffffff",
          "00000009 07 ffffffff 00000000"
        })
    void indexesBeyondSignedIntRange(String frame) {
      assertThrows(PeerWireException.class, () -> PeerMessageCodec.decode(hex(frame)));
    }

    @Test
    void aFrameThatIsNotAPieceHasNoPieceHeader() {
      assertThrows(
          PeerWireException.class,
          () -> PeerMessageCodec.decodePieceHeader(ByteBuffer.wrap(hex("00000005 04 00000001"))));
    }
  }

  @Nested
  class BadLength {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "00000002 00 00",
          "00000002 01 00",
          "00000004 04 000001",
          "00000006 04 00000001 00",
          "0000000e 06 00000001 00004000 00004000 00",
          "00000002 09 00",
          "00000001 14",
          "00000002 0e 00"
        })
    void payloadOfTheWrongSizeForItsId(String frame) {
      assertThrows(PeerWireException.class, () -> PeerMessageCodec.decode(hex(frame)));
    }

    @Test
    void trailingBytesAfterTheFrame() {
      assertThrows(PeerWireException.class, () -> PeerMessageCodec.decode(hex("00000001 00 00")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"00200001", "ffffffff", "80000000"})
    void declaredLengthBeyondTheLimitIsRefusedBeforeBuffering(String prefix) {
      assertThrows(
          PeerWireException.class,
          () -> PeerMessageCodec.peekMessageLength(ByteBuffer.wrap(hex(prefix))));
    }

    @Test
    void longestAllowedLengthIsAccepted() {
      assertEquals(
          PeerMessageCodec.MAX_MESSAGE_LENGTH,
          PeerMessageCodec.peekMessageLength(ByteBuffer.wrap(hex("00200000"))));
    }
  }
}
