package org.everseed.agent.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.everseed.api.wire.PeerAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A listener with a fleet identity: TLS peers arrive authenticated, plaintext ones do not. */
@Timeout(20)
class TlsListenerTest {

  record Arrival(PeerTransport transport, org.everseed.api.wire.Handshake theirs) {}

  static TestFleet fleet;
  static TestFleet.Member listening;
  static TestFleet.Member dialling;

  final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  final ExecutorService io = Executors.newCachedThreadPool();
  final BlockingQueue<Arrival> arrivals = new ArrayBlockingQueue<>(4);
  PeerListener listener;
  PeerHandshaker handshaker;

  @BeforeAll
  static void makeFleet() throws Exception {
    fleet = new TestFleet("Everseed fleet CA");
    listening = fleet.member("1");
    dialling = fleet.member("2");
  }

  @BeforeEach
  void start() throws Exception {
    listener =
        PeerListener.bind("127.0.0.1", 0, Optional.of(listening.tls(fleet, RevokedSerials.none())));
    handshaker = new PeerHandshaker(PeerHandshakerTest.OURS, Duration.ofSeconds(5), scheduler);
    listener.start(
        handshaker,
        Duration.ofSeconds(5),
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

  @Test
  void aFleetPeerOverTlsArrivesWithItsAgentIdAndHandshake() throws Exception {
    FleetTls tls = dialling.tls(fleet, RevokedSerials.none());
    PeerAddress address = new PeerAddress(InetAddress.getLoopbackAddress(), listener.port());
    try (TlsTransport transport = tls.connect(address, Duration.ofSeconds(5), scheduler)) {
      PeerHandshaker theirSide =
          new PeerHandshaker(PeerHandshakerTest.THEIRS, Duration.ofSeconds(5), scheduler);
      io.submit(() -> theirSide.initiate(transport, PeerHandshakerTest.HASH, true));
      Arrival arrival = arrivals.poll(10, TimeUnit.SECONDS);
      assertNotNull(arrival);
      assertTrue(arrival.transport().isAuthenticated());
      assertEquals("2", ((TlsTransport) arrival.transport()).agentId());
      assertEquals(PeerHandshakerTest.HASH, arrival.theirs().infoHash());
      assertArrayEquals(PeerHandshakerTest.THEIRS, arrival.theirs().peerId());
      arrival.transport().close();
    }
  }

  @Test
  void aPlaintextPeerStillArrivesButUnauthenticated() throws Exception {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          PeerHandshakerTest.handshakeBytes(
              PeerHandshakerTest.HASH, PeerHandshakerTest.THEIRS, true));
      Arrival arrival = arrivals.poll(10, TimeUnit.SECONDS);
      assertNotNull(arrival);
      assertFalse(arrival.transport().isAuthenticated());
      arrival.transport().close();
    }
  }

  @Test
  void aPeerOfAnotherFleetNeverArrives() throws Exception {
    TestFleet other = new TestFleet("Everseed fleet CA");
    TestFleet.Member outsider = other.member("2");
    FleetTls tls =
        FleetTls.create(
            outsider.keys().getPrivate(),
            java.util.List.of(outsider.certificate()),
            other.ca,
            RevokedSerials.none());
    PeerAddress address = new PeerAddress(InetAddress.getLoopbackAddress(), listener.port());
    assertThrows(
        Exception.class,
        () -> {
          try (TlsTransport transport = tls.connect(address, Duration.ofSeconds(5), scheduler)) {
            transport.write(ByteBuffer.wrap(new byte[68]));
            transport.read(ByteBuffer.allocate(1));
          }
        });
    assertNull(arrivals.poll(300, TimeUnit.MILLISECONDS));
  }
}
