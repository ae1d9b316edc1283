package org.everseed.api.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.everseed.api.metainfo.InfoHash;

class PeerMessageRoundTripProperties {

  @Property(tries = 2000)
  void decodingThenEncodingGivesBackTheFrame(@ForAll("frames") byte[] frame) {
    PeerMessage message = PeerMessageCodec.decode(frame);
    assertArrayEquals(frame, PeerMessageCodec.encode(message));
  }

  @Property(tries = 2000)
  void encodingThenDecodingGivesBackTheMessage(@ForAll("messages") PeerMessage message) {
    assertEquals(message, PeerMessageCodec.decode(PeerMessageCodec.encode(message)));
  }

  @Property(tries = 500)
  void handshakeRoundTrips(
      @ForAll("twentyBytes") byte[] infoHash,
      @ForAll("twentyBytes") byte[] peerId,
      @ForAll("eightBytes") byte[] reserved) {
    Handshake handshake = new Handshake(reserved, InfoHash.of(infoHash), peerId);
    assertEquals(handshake, Handshake.decode(handshake.encode()));
  }

  @Provide
  Arbitrary<byte[]> twentyBytes() {
    return Arbitraries.bytes().array(byte[].class).ofSize(20);
  }

  @Provide
  Arbitrary<byte[]> eightBytes() {
    return Arbitraries.bytes().array(byte[].class).ofSize(8);
  }

  @Provide
  Arbitrary<byte[]> frames() {
    return messages().map(PeerMessageCodec::encode);
  }

  @Provide
  Arbitrary<PeerMessage> messages() {
    Arbitrary<Integer> index = Arbitraries.integers().between(0, Integer.MAX_VALUE);
    Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
    return Arbitraries.oneOf(
        Arbitraries.of(
            new PeerMessage.KeepAlive(),
            new PeerMessage.Choke(),
            new PeerMessage.Unchoke(),
            new PeerMessage.Interested(),
            new PeerMessage.NotInterested(),
            new PeerMessage.HaveAll(),
            new PeerMessage.HaveNone()),
        index.map(PeerMessage.Have::new),
        index.map(PeerMessage.SuggestPiece::new),
        index.map(PeerMessage.AllowedFast::new),
        bytes.map(PeerMessage.Bitfield::new),
        index.tuple3().map(t -> new PeerMessage.Request(t.get1(), t.get2(), t.get3())),
        index.tuple3().map(t -> new PeerMessage.Cancel(t.get1(), t.get2(), t.get3())),
        index.tuple3().map(t -> new PeerMessage.RejectRequest(t.get1(), t.get2(), t.get3())),
        index.tuple2().flatMap(t -> bytes.map(b -> new PeerMessage.Piece(t.get1(), t.get2(), b))),
        Arbitraries.integers().between(0, 0xFFFF).map(PeerMessage.Port::new),
        Arbitraries.integers()
            .between(0, 255)
            .flatMap(id -> bytes.map(b -> new PeerMessage.Extended(id, b))));
  }
}
