package org.everseed.api.tracker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.api.metainfo.PercentEncoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnnounceRequestTest {
  static final byte[] HASH = new byte[20];
  static final byte[] PEER =
      "-AR1360-abcdefghijkl".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  static {
    for (int i = 0; i < 20; i++) {
      HASH[i] = (byte) (0xEC + i * 7);
    }
  }

  static String base() {
    return "info_hash="
        + PercentEncoding.encode(HASH)
        + "&peer_id="
        + PercentEncoding.encode(PEER)
        + "&port=6881&uploaded=10&downloaded=20&left=30";
  }

  static AnnounceRequest parse(String query) {
    return AnnounceRequest.from(QueryParameters.parse(query));
  }

  @Test
  void minimalAnnounceHasBep3Defaults() {
    AnnounceRequest r = parse(base());
    assertEquals(InfoHash.of(HASH), r.infoHash());
    assertArrayEquals(PEER, r.peerId());
    assertEquals(6881, r.port());
    assertEquals(10, r.uploaded());
    assertEquals(20, r.downloaded());
    assertEquals(30, r.left());
    assertEquals(AnnounceEvent.NONE, r.event());
    assertEquals(-1, r.numwant());
    assertTrue(r.compact(), "compact is the default answer");
    assertFalse(r.noPeerId());
    assertEquals(Optional.empty(), r.ip());
    assertFalse(r.seeding());
  }

  @Test
  void optionalParameters() {
    AnnounceRequest r =
        parse(base() + "&event=completed&numwant=80&compact=0&no_peer_id=1&ip=10.0.0.1&key=K1");
    assertEquals(AnnounceEvent.COMPLETED, r.event());
    assertEquals(80, r.numwant());
    assertFalse(r.compact());
    assertTrue(r.noPeerId());
    assertEquals(Optional.of("10.0.0.1"), r.ip());
    assertEquals(Optional.of("K1"), r.key());
  }

  @Test
  void eventsByName() {
    assertEquals(AnnounceEvent.STARTED, parse(base() + "&event=started").event());
    assertEquals(AnnounceEvent.STOPPED, parse(base() + "&event=stopped").event());
    assertEquals(AnnounceEvent.NONE, parse(base() + "&event=").event());
    assertEquals(AnnounceEvent.NONE, parse(base() + "&event=empty").event());
  }

  @Test
  void seedingMeansNothingLeft() {
    assertTrue(parse(base().replace("left=30", "left=0")).seeding());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "info_hash",
        "peer_id",
        "port",
        "uploaded",
        "downloaded",
        "left",
      })
  void missingRequiredParameterIsNamed(String name) {
    String query = base().replaceAll("(^|&)" + name + "=[^&]*", "");
    TrackerRequestException e = assertThrows(TrackerRequestException.class, () -> parse(query));
    assertEquals("missing parameter " + name, e.failureReason());
  }

  @Test
  void infoHashOfNineteenOrTwentyOneBytesIsRefused() {
    String shortHash = base().replace(PercentEncoding.encode(HASH), "%00".repeat(19));
    String longHash = base().replace(PercentEncoding.encode(HASH), "%00".repeat(21));
    assertEquals(
        "info_hash must be 20 bytes, got 19",
        assertThrows(TrackerRequestException.class, () -> parse(shortHash)).failureReason());
    assertEquals(
        "info_hash must be 20 bytes, got 21",
        assertThrows(TrackerRequestException.class, () -> parse(longHash)).failureReason());
  }

  @Test
  void plusInAnInfoHashIsASpaceByte() {
    byte[] withSpace = HASH.clone();
    withSpace[0] = ' ';
    String query =
        base()
            .replace(PercentEncoding.encode(HASH), "+" + PercentEncoding.encode(HASH).substring(3));
    assertEquals(InfoHash.of(withSpace), parse(query).infoHash());
  }

  @Test
  void repeatedInfoHashInAnAnnounceIsAmbiguous() {
    String query = base() + "&info_hash=" + PercentEncoding.encode(HASH);
    assertEquals(
        "parameter info_hash given more than once",
        assertThrows(TrackerRequestException.class, () -> parse(query)).failureReason());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "port=0",
        "port=65536",
        "port=-1",
        "port=",
        "port=12a",
        "left=-5",
        "uploaded=99999999999999999999"
      })
  void badNumbersAreRefused(String replacement) {
    String name = replacement.substring(0, replacement.indexOf('='));
    String query = base().replaceAll(name + "=[^&]*", replacement);
    TrackerRequestException e = assertThrows(TrackerRequestException.class, () -> parse(query));
    assertTrue(e.failureReason().startsWith(name), e.failureReason());
  }

  @Test
  void unknownEventIsRefused() {
    assertThrows(TrackerRequestException.class, () -> parse(base() + "&event=bogus"));
  }

  @Test
  void peerIdMustBeTwentyBytes() {
    String query = base().replace(PercentEncoding.encode(PEER), "short");
    assertEquals(
        "peer_id must be 20 bytes, got 5",
        assertThrows(TrackerRequestException.class, () -> parse(query)).failureReason());
  }

  @Test
  void clientAnnounceByteForByte() {
    AnnounceRequest request =
        AnnounceRequest.of(InfoHash.of(HASH), PEER, 6881, 10, 20, 30, AnnounceEvent.STARTED, 50);
    assertEquals(base() + "&compact=1&no_peer_id=1&numwant=50&event=started", request.toQuery());
    assertEquals(
        "http://t/announce/pk?" + request.toQuery(), request.toUrl("http://t/announce/pk"));
    assertEquals(
        "http://t/announce?pk=1&" + request.toQuery(), request.toUrl("http://t/announce?pk=1"));
  }

  @Test
  void whatTheClientWritesTheTrackerReadsBackEqual() {
    for (AnnounceEvent event : AnnounceEvent.values()) {
      AnnounceRequest sent =
          AnnounceRequest.of(InfoHash.of(HASH), PEER, 65535, 0, 1L << 40, 7, event, 0);
      assertEquals(sent, parse(sent.toQuery()));
    }
    AnnounceRequest noNumwant =
        AnnounceRequest.of(InfoHash.of(HASH), PEER, 1, 0, 0, 0, AnnounceEvent.NONE, -1);
    assertEquals(
        base().replaceAll("&port=.*", "&port=1&uploaded=0&downloaded=0&left=0")
            + "&compact=1&no_peer_id=1",
        noNumwant.toQuery());
    assertEquals(noNumwant, parse(noNumwant.toQuery()));
  }

  @Test
  void optionalTextParametersSurviveTheRoundTrip() {
    AnnounceRequest sent =
        new AnnounceRequest(
            InfoHash.of(HASH),
            PEER,
            6881,
            1,
            2,
            3,
            AnnounceEvent.COMPLETED,
            80,
            false,
            false,
            Optional.of("10.0.0.1"),
            Optional.of("2001:db8::1"),
            Optional.of("K 1&é"));
    assertEquals(
        base().replace("uploaded=10&downloaded=20&left=30", "uploaded=1&downloaded=2&left=3")
            + "&compact=0&numwant=80&event=completed&ip=10.0.0.1&ipv6=2001%3Adb8%3A%3A1"
            + "&key=K%201%26%E9",
        sent.toQuery());
    assertEquals(sent, parse(sent.toQuery()));
  }

  @Test
  void clientAnnounceChecksWhatItWrites() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            AnnounceRequest.of(
                InfoHash.of(HASH), new byte[19], 6881, 0, 0, 0, AnnounceEvent.NONE, 50));
    assertThrows(
        IllegalArgumentException.class,
        () -> AnnounceRequest.of(InfoHash.of(HASH), PEER, 70000, 0, 0, 0, AnnounceEvent.NONE, 50));
  }

  @Test
  void eventParametersAreTheBep3Names() {
    assertEquals("", AnnounceEvent.NONE.parameter());
    assertEquals("started", AnnounceEvent.STARTED.parameter());
    assertEquals("completed", AnnounceEvent.COMPLETED.parameter());
    assertEquals("stopped", AnnounceEvent.STOPPED.parameter());
  }
}
