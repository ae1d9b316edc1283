package org.everseed.agent.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.api.wire.Handshake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PeerHandshakerTest {

  static final byte[] OURS = "-ES0100-ourselves000".getBytes(StandardCharsets.US_ASCII);
  static final byte[] THEIRS = "-AR1360-theirs000000".getBytes(StandardCharsets.US_ASCII);
  static final InfoHash HASH = InfoHash.of(filled(20, 0x11));
  static final InfoHash OTHER = InfoHash.of(filled(20, 0x22));

  final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  final PeerHandshaker handshaker = new PeerHandshaker(OURS, Duration.ofSeconds(5), scheduler);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  /** The 68 bytes on the wire, written out by hand. */
  static byte[] handshakeBytes(InfoHash hash, byte[] peerId, boolean fast) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(19);
    out.writeBytes("BitTorrent protocol".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(new byte[] {0, 0, 0, 0, 0, 0x10, 0, (byte) (fast ? 0x04 : 0)});
    out.writeBytes(hash.bytes());
    out.writeBytes(peerId);
    return out.toByteArray();
  }

  @Test
  void initiateSendsOursFirstAndReadsTheirsInPieces() throws IOException {
    ScriptedTransport transport =
        new ScriptedTransport(handshakeBytes(HASH, THEIRS, false), 7, true);
    Handshake theirs = handshaker.initiate(transport, HASH, true);
    assertArrayEquals(handshakeBytes(HASH, OURS, true), transport.written());
    assertArrayEquals(THEIRS, theirs.peerId());
    assertTrue(theirs.supportsExtensionProtocol());
  }

  @Test
  void initiateRefusesAnotherTorrentAndOurselves() {
    assertThrows(
        IOException.class,
        () ->
            handshaker.initiate(
                new ScriptedTransport(handshakeBytes(OTHER, THEIRS, true), 68, true), HASH, true));
    assertThrows(
        IOException.class,
        () ->
            handshaker.initiate(
                new ScriptedTransport(handshakeBytes(HASH, OURS, true), 68, true), HASH, true));
  }

  @Test
  void receiveThenAnswer() throws IOException {
    ScriptedTransport transport =
        new ScriptedTransport(handshakeBytes(OTHER, THEIRS, true), 68, true);
    Handshake theirs = handshaker.receive(transport);
    assertEquals(OTHER, theirs.infoHash());
    assertEquals(0, transport.written().length, "nothing is said before the torrent is known");
    handshaker.answer(transport, theirs, false);
    assertArrayEquals(handshakeBytes(OTHER, OURS, false), transport.written());
  }

  @Test
  void answerRefusesOurselves() throws IOException {
    ScriptedTransport transport = new ScriptedTransport(handshakeBytes(HASH, OURS, true), 68, true);
    Handshake theirs = handshaker.receive(transport);
    assertThrows(IOException.class, () -> handshaker.answer(transport, theirs, true));
    assertEquals(0, transport.written().length);
  }

  @Test
  void shortOrMalformedHandshakesFail() {
    byte[] truncated = Arrays.copyOf(handshakeBytes(HASH, THEIRS, true), 40);
    assertThrows(
        IOException.class, () -> handshaker.receive(new ScriptedTransport(truncated, 68, true)));
    byte[] wrongProtocol = handshakeBytes(HASH, THEIRS, true);
    wrongProtocol[1] = 'X';
    assertThrows(
        IOException.class,
        () -> handshaker.receive(new ScriptedTransport(wrongProtocol, 68, true)));
  }

  @Test
  @Timeout(10)
  void aSilentPeerIsCutOffAtTheDeadline() {
    PeerHandshaker quick = new PeerHandshaker(OURS, Duration.ofMillis(200), scheduler);
    ScriptedTransport silent = new ScriptedTransport(new byte[10], 10, false);
    long started = System.nanoTime();
    assertThrows(IOException.class, () -> quick.initiate(silent, HASH, true));
    assertTrue(silent.isClosed(), "the deadline closed the transport");
    assertTrue(System.nanoTime() - started >= 150_000_000L);
  }
}
