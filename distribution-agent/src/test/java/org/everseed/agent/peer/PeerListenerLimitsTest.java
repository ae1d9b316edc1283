package org.everseed.agent.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.everseed.api.wire.Handshake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 14: the accept path's limits over real loopback sockets. */
class PeerListenerLimitsTest {

  record Arrival(PeerTransport transport, Handshake theirs) {}

  final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  final ExecutorService io = Executors.newCachedThreadPool();
  final BlockingQueue<Arrival> arrivals = new ArrayBlockingQueue<>(8);
  final IncomingGate gate = new IncomingGate(8, 2, 3);
  PeerListener listener;

  private void start(Executor pool) throws Exception {
    listener = PeerListener.bind("127.0.0.1", 0, Optional.empty(), gate);
    listener.start(
        new PeerHandshaker(PeerHandshakerTest.OURS, Duration.ofSeconds(5), scheduler),
        Duration.ofMillis(600),
        pool,
        scheduler,
        (transport, theirs) -> arrivals.add(new Arrival(transport, theirs)));
  }

  @AfterEach
  void stop() {
    if (listener != null) {
      listener.close();
    }
    io.shutdownNow();
    scheduler.shutdownNow();
  }

  private Socket connect() throws Exception {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.port());
    socket.setSoTimeout(5000);
    return socket;
  }

  private static boolean closedByAgent(Socket socket) throws Exception {
    try {
      return socket.getInputStream().read() == -1;
    } catch (SocketException reset) {
      return true;
    }
  }

  private static byte[] handshake() {
    return PeerHandshakerTest.handshakeBytes(
        PeerHandshakerTest.HASH, PeerHandshakerTest.THEIRS, true);
  }

  private void awaitPending(int expected) throws InterruptedException {
    while (gate.pending() != expected) {
      Thread.sleep(10);
    }
  }

  @Test
  @Timeout(20)
  void slowlorisDribblingTheHandshakeIsClosedByTheOneDeadline() throws Exception {
    start(io);
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      byte[] bytes = handshake();
      boolean closed = false;
      // One byte per 50 ms: the whole handshake would take 3.4 s, the deadline is 0.6 s.
      for (int i = 0; i < bytes.length && !closed; i++) {
        try {
          out.write(bytes[i]);
          out.flush();
          Thread.sleep(50);
        } catch (SocketException e) {
          closed = true;
        }
      }
      assertTrue(closed || closedByAgent(socket));
    }
    assertNull(arrivals.poll(100, TimeUnit.MILLISECONDS));
    awaitPending(0);
    assertEquals(0, gate.open(InetAddress.getLoopbackAddress()));
  }

  @Test
  @Timeout(20)
  void silentConnectionsBeyondTheAddressesPendingCapAreClosedWithoutBeingRead() throws Exception {
    start(io);
    List<Socket> silent = new ArrayList<>();
    try {
      silent.add(connect());
      silent.add(connect());
      awaitPending(2);
      try (Socket third = connect()) {
        assertTrue(closedByAgent(third));
      }
      assertEquals(1, gate.refused());
      for (Socket socket : silent) {
        assertTrue(closedByAgent(socket), "closed by the deadline");
      }
      awaitPending(0);
    } finally {
      for (Socket socket : silent) {
        socket.close();
      }
    }
    // Once the silent ones are gone, the address is welcome again.
    try (Socket socket = connect()) {
      socket.getOutputStream().write(handshake());
      Arrival arrival = arrivals.poll(5, TimeUnit.SECONDS);
      assertNotNull(arrival);
      arrival.transport().close();
    }
  }

  @Test
  @Timeout(20)
  void anEstablishedConnectionCountsForItsAddressUntilItsTransportCloses() throws Exception {
    start(io);
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (Socket socket = connect()) {
      socket.getOutputStream().write(handshake());
      Arrival arrival = arrivals.poll(5, TimeUnit.SECONDS);
      assertNotNull(arrival);
      assertEquals(0, gate.pending());
      assertEquals(1, gate.open(loopback));
      arrival.transport().close();
      assertEquals(0, gate.open(loopback));
    }
  }

  @Test
  @Timeout(20)
  void aPoolThatRefusesWorkLeaksNoSocketAndNoTicket() throws Exception {
    start(
        task -> {
          throw new RejectedExecutionException("full");
        });
    for (int i = 0; i < 5; i++) {
      try (Socket socket = connect()) {
        assertTrue(closedByAgent(socket));
      }
    }
    assertEquals(0, gate.pending());
    assertEquals(0, gate.open(InetAddress.getLoopbackAddress()));
    assertEquals(0, gate.refused(), "admitted, then closed because the pool refused");
  }
}
