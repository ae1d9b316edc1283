package org.everseed.agent.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.everseed.api.wire.Handshake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The listener over real loopback sockets: which first bytes it takes, and what it hands on. */
class PeerListenerTest {

  record Arrival(PeerTransport transport, Handshake theirs) {}

  final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  final ExecutorService io = Executors.newCachedThreadPool();
  final BlockingQueue<Arrival> arrivals = new ArrayBlockingQueue<>(4);
  PeerListener listener;

  @BeforeEach
  void start() throws Exception {
    listener = PeerListener.bind("127.0.0.1", 0);
    listener.start(
        new PeerHandshaker(PeerHandshakerTest.OURS, Duration.ofSeconds(5), scheduler),
        Duration.ofMillis(500),
        io,
        scheduler,
        (transport, theirs) -> arrivals.add(new Arrival(transport, theirs)));
  }

  @AfterEach
  void stop() {
    listener.close();
    io.shutdownNow();
    scheduler.shutdownNow();
  }

  private Socket connect() throws Exception {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.port());
    socket.setSoTimeout(5000);
    return socket;
  }

  /** The listener closed the connection: end of stream, or a reset for the bytes it left unread. */
  private static boolean closedWithoutAnswer(Socket socket) throws Exception {
    try {
      return socket.getInputStream().read() == -1;
    } catch (SocketException reset) {
      return true;
    }
  }

  @Test
  @Timeout(10)
  void aBitTorrentHandshakeIsReadAndHandedOn() throws Exception {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(
          PeerHandshakerTest.handshakeBytes(
              PeerHandshakerTest.HASH, PeerHandshakerTest.THEIRS, true));
      out.write(new byte[] {0, 0, 0, 1, 2}); // interested, right behind the handshake
      Arrival arrival = arrivals.poll(5, TimeUnit.SECONDS);
      assertEquals(PeerHandshakerTest.HASH, arrival.theirs().infoHash());
      assertArrayEquals(PeerHandshakerTest.THEIRS, arrival.theirs().peerId());
      assertEquals(socket.getLocalPort(), arrival.transport().remoteAddress().port());
      FrameReader frames = new FrameReader(arrival.transport(), 64, false);
      assertEquals(5, frames.next().remaining(), "bytes after the handshake stay readable");
      arrival.transport().close();
    }
  }

  @Test
  @Timeout(10)
  void aTlsHelloIsClosedAtOnce() throws Exception {
    try (Socket socket = connect()) {
      socket.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x00, 0x05});
      assertTrue(closedWithoutAnswer(socket));
    }
    assertNull(arrivals.poll(200, TimeUnit.MILLISECONDS));
  }

  @Test
  @Timeout(10)
  void aSilentConnectionIsClosedAfterTheTimeout() throws Exception {
    try (Socket socket = connect()) {
      long started = System.nanoTime();
      assertEquals(-1, socket.getInputStream().read());
      assertTrue(System.nanoTime() - started >= 400_000_000L, "closed by the deadline");
    }
    assertNull(arrivals.poll(100, TimeUnit.MILLISECONDS));
  }
}
