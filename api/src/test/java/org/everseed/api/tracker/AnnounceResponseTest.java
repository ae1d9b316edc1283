package org.everseed.api.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.everseed.api.wire.PeerAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client's side of the tracker answer: literal byte vectors, and what {@link TrackerResponses}
 * (the server's encoder) writes decoded back to the same peers.
 */
class AnnounceResponseTest {

  static final TrackerResponsesTest.Peer V4 = TrackerResponsesTest.V4;
  static final TrackerResponsesTest.Peer V6 = TrackerResponsesTest.V6;

  static byte[] bytes(String ascii) {
    return ascii.getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  static PeerAddress address(String ip, int port) throws Exception {
    return new PeerAddress(InetAddress.getByName(ip), port);
  }

  @Test
  void compactIpv4AndIpv6ByteVector() throws Exception {
    // d8:intervali900e5:peers12:<127.0.0.1:6881><10.1.2.3:80>6:peers618:<::1:6969>e
    byte[] body =
        concat(
            bytes("d8:intervali900e5:peers12:"),
            new byte[] {127, 0, 0, 1, 0x1A, (byte) 0xE1, 10, 1, 2, 3, 0, 80},
            bytes("6:peers618:"),
            V6.compactEndpoint(),
            bytes("e"));
    AnnounceResponse response = AnnounceResponse.decode(body);
    assertEquals(Optional.empty(), response.failureReason());
    assertEquals(Duration.ofSeconds(900), response.interval());
    assertEquals(Optional.empty(), response.minInterval());
    assertEquals(OptionalLong.empty(), response.complete());
    assertEquals(
        List.of(address("127.0.0.1", 6881), address("10.1.2.3", 80), address("::1", 6969)),
        response.peers());
    assertEquals(List.of(), response.namedPeers());
  }

  @Test
  void whatTheServerWritesDecodesToTheSamePeers() throws Exception {
    byte[] answer =
        TrackerResponses.announce(1800, 60, 3, 4, new PeerEntry[] {V6, V4}, 2, true, false);
    AnnounceResponse response = AnnounceResponse.decode(answer);
    assertEquals(Duration.ofSeconds(1800), response.interval());
    assertEquals(Optional.of(Duration.ofSeconds(60)), response.minInterval());
    assertEquals(OptionalLong.of(3), response.complete());
    assertEquals(OptionalLong.of(4), response.incomplete());
    assertEquals(List.of(address("127.0.0.1", 6881), address("::1", 6969)), response.peers());
  }

  @Test
  void dictionaryModelWithAndWithoutPeerIdDecodesLikeCompact() throws Exception {
    for (boolean noPeerId : new boolean[] {false, true}) {
      byte[] answer =
          TrackerResponses.announce(30, 10, 1, 0, new PeerEntry[] {V4, V6}, 2, false, noPeerId);
      AnnounceResponse response = AnnounceResponse.decode(answer);
      assertEquals(List.of(address("127.0.0.1", 6881), address("::1", 6969)), response.peers());
      assertEquals(Duration.ofSeconds(30), response.interval());
    }
  }

  @Test
  void emptyPeerListFromTheServer() {
    AnnounceResponse response =
        AnnounceResponse.decode(
            TrackerResponses.announce(30, 10, 0, 1, new PeerEntry[0], 0, true, false));
    assertEquals(List.of(), response.peers());
    assertEquals(OptionalLong.of(1), response.incomplete());
  }

  @Test
  void failureReasonFromTheServer() {
    AnnounceResponse response =
        AnnounceResponse.decode(TrackerResponses.failure("unknown passkey"));
    assertEquals(Optional.of("unknown passkey"), response.failureReason());
    assertEquals(AnnounceResponse.DEFAULT_INTERVAL, response.interval());
    assertEquals(List.of(), response.peers());
  }

  @Test
  void hostNamesStayUnresolved() throws Exception {
    // A host name is handed back as it was written: the decoder never asks DNS.
    byte[] body =
        bytes("d5:peersld2:ip20:peer.example.invalid4:porti6881eed2:ip8:10.0.0.74:porti6882eeee");
    AnnounceResponse response = AnnounceResponse.decode(body);
    assertEquals(
        List.of(new AnnounceResponse.NamedPeer("peer.example.invalid", 6881)),
        response.namedPeers());
    assertEquals(List.of(address("10.0.0.7", 6882)), response.peers());
    assertEquals(AnnounceResponse.DEFAULT_INTERVAL, response.interval());

    AnnounceResponse resolved = response.withNamedPeersResolved(List.of(address("10.0.0.8", 1)));
    assertEquals(List.of(address("10.0.0.7", 6882), address("10.0.0.8", 1)), resolved.peers());
    assertEquals(List.of(), resolved.namedPeers());
  }

  @Test
  void dictionaryEntriesWithoutPortAreSkipped() {
    AnnounceResponse response = AnnounceResponse.decode(bytes("d5:peersld2:ip8:10.0.0.7ei1eee"));
    assertEquals(List.of(), response.peers());
    assertEquals(List.of(), response.namedPeers());
  }

  @Test
  void intervalBelowOneSecondBecomesOne() {
    assertEquals(
        Duration.ofSeconds(1),
        AnnounceResponse.decode(bytes("d8:intervali0e5:peers0:e")).interval());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", // not bencode
        "i3e", // not a dictionary
        "d5:peers5:abcdee", // compact IPv4 peers not a multiple of 6
        "d6:peers67:abcdefge", // compact IPv6 peers not a multiple of 18
        "d5:peersi3ee", // peers neither string nor list
        "d5:peersld4:porti1eeee", // dictionary entry without ip
        "d5:peersld2:ip8:10.0.0.74:porti70000eeee", // port out of range
        "d8:completei-1e5:peers0:e", // negative count
        "d8:intervali1e5:peers0:eX", // trailing bytes
        "d8:interval3:abc5:peers0:e", // interval not an integer
      })
  void malformedAnswersAreRefused(String body) {
    assertThrows(TrackerResponseException.class, () -> AnnounceResponse.decode(bytes(body)));
  }

  @Test
  void answersOverTheLimitAreRefused() {
    byte[] peers = new byte[AnnounceResponse.MAX_RESPONSE_BYTES - 12];
    byte[] body =
        concat(bytes("d5:peers" + peers.length + ":"), peers, bytes("e")); // just over 1 MiB
    assertTrue(body.length > AnnounceResponse.MAX_RESPONSE_BYTES);
    TrackerResponseException refused =
        assertThrows(TrackerResponseException.class, () -> AnnounceResponse.decode(body));
    assertTrue(refused.getMessage().contains("more than"), refused.getMessage());

    byte[] most = new byte[(AnnounceResponse.MAX_RESPONSE_BYTES - 20) / 6 * 6];
    byte[] atTheLimit = concat(bytes("d5:peers" + most.length + ":"), most, bytes("e"));
    assertEquals(most.length / 6, AnnounceResponse.decode(atTheLimit).peers().size());
  }
}
