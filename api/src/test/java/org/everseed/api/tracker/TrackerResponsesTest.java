package org.everseed.api.tracker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.everseed.api.bencode.BDictionary;
import org.everseed.api.bencode.BencodeDecoder;
import org.everseed.api.metainfo.InfoHash;
import org.junit.jupiter.api.Test;

class TrackerResponsesTest {

  record Peer(byte[] compactEndpoint, byte[] peerId) implements PeerEntry {}

  static final Peer V4 =
      new Peer(
          new byte[] {127, 0, 0, 1, 0x1A, (byte) 0xE1},
          "-qB4520-aaaaaaaaaaaa".getBytes(StandardCharsets.US_ASCII));
  static final Peer V6;

  static {
    byte[] v6 = new byte[18];
    v6[15] = 1; // ::1
    v6[16] = 0x1B;
    v6[17] = 0x39;
    V6 = new Peer(v6, "-TR3000-bbbbbbbbbbbb".getBytes(StandardCharsets.US_ASCII));
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  @Test
  void failureReasonIsTheOnlyKey() {
    assertEquals(
        "d14:failure reason15:unknown passkeye", text(TrackerResponses.failure("unknown passkey")));
  }

  @Test
  void compactAnswerByteForByte() {
    byte[] answer = TrackerResponses.announce(1800, 60, 3, 4, new PeerEntry[] {V4}, 1, true, false);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.writeBytes(
        "d8:completei3e10:incompletei4e8:intervali1800e12:min intervali60e5:peers6:"
            .getBytes(StandardCharsets.US_ASCII));
    expected.writeBytes(V4.compactEndpoint());
    expected.write('e');
    assertArrayEquals(expected.toByteArray(), answer);
  }

  @Test
  void ipv6PeersGoToPeers6() {
    byte[] answer =
        TrackerResponses.announce(10, 5, 1, 1, new PeerEntry[] {V6, V4}, 2, true, false);
    BDictionary d = (BDictionary) new BencodeDecoder().decode(answer);
    assertArrayEquals(V4.compactEndpoint(), d.getString("peers").bytes());
    assertArrayEquals(V6.compactEndpoint(), d.getString("peers6").bytes());
  }

  @Test
  void noPeersIsAnEmptyString() {
    assertEquals(
        "d8:completei0e10:incompletei1e8:intervali30e12:min intervali10e5:peers0:e",
        text(TrackerResponses.announce(30, 10, 0, 1, new PeerEntry[0], 0, true, false)));
  }

  @Test
  void dictionaryModelWithAndWithoutPeerId() {
    String withId =
        text(TrackerResponses.announce(30, 10, 1, 0, new PeerEntry[] {V4, V6}, 2, false, false));
    assertEquals(
        "d8:completei1e10:incompletei0e8:intervali30e12:min intervali10e5:peersl"
            + "d2:ip9:127.0.0.17:peer id20:-qB4520-aaaaaaaaaaaa4:porti6881ee"
            + "d2:ip15:0:0:0:0:0:0:0:17:peer id20:-TR3000-bbbbbbbbbbbb4:porti6969ee"
            + "ee",
        withId);
    String withoutId =
        text(TrackerResponses.announce(30, 10, 1, 0, new PeerEntry[] {V4}, 1, false, true));
    assertEquals(
        "d8:completei1e10:incompletei0e8:intervali30e12:min intervali10e5:peersl"
            + "d2:ip9:127.0.0.14:porti6881eeee",
        withoutId);
  }

  @Test
  void scrapeSortsFilesByRawHash() {
    byte[] low = new byte[20];
    byte[] high = new byte[20];
    high[0] = (byte) 0xFF;
    byte[] answer =
        TrackerResponses.scrape(
            List.of(
                new ScrapeEntry(InfoHash.of(high), 1, 2, 3),
                new ScrapeEntry(InfoHash.of(low), 4, 5, 6)));
    String expected =
        "d5:filesd20:"
            + text(low)
            + "d8:completei4e10:downloadedi5e10:incompletei6ee20:"
            + text(high)
            + "d8:completei1e10:downloadedi2e10:incompletei3eeee";
    assertEquals(expected, text(answer));
    new BencodeDecoder().decode(answer); // canonical: the strict decoder accepts it
  }
}
