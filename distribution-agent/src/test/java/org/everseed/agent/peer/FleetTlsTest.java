package org.everseed.agent.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.everseed.api.wire.PeerAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS between fleet members over real loopback sockets: who is let in, what each side learns of the
 * other, and that bytes and file regions arrive intact.
 */
@Timeout(20)
class FleetTlsTest {

  static TestFleet fleet;
  static TestFleet stranger;
  static TestFleet.Member alice;
  static TestFleet.Member bob;

  final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  final ExecutorService acceptor = Executors.newSingleThreadExecutor();
  final Duration timeout = Duration.ofSeconds(5);

  @BeforeAll
  static void makeFleet() throws Exception {
    fleet = new TestFleet("Everseed fleet CA");
    stranger = new TestFleet("Everseed fleet CA"); // same name, other key
    alice = fleet.member("17");
    bob = fleet.member("42");
  }

  @AfterEach
  void stop() {
    acceptor.shutdownNow();
    scheduler.shutdownNow();
  }

  /** One connection: {@code server} accepts on a loopback port, {@code client} dials it. */
  record Pair(TlsTransport client, TlsTransport server) implements AutoCloseable {
    @Override
    public void close() {
      client.close();
      server.close();
    }
  }

  Future<TlsTransport> acceptOne(ServerSocketChannel listening, FleetTls server) {
    return acceptor.submit(
        () -> {
          SocketChannel channel = listening.accept();
          ByteBuffer first = ByteBuffer.allocate(1);
          channel.read(first); // as the listener does: the ClientHello's first byte
          assertEquals(PeerListener.TLS_HANDSHAKE, first.get(0) & 0xff);
          return server.accept(channel, first.flip(), timeout, scheduler);
        });
  }

  Pair connect(FleetTls client, FleetTls server) throws Exception {
    try (ServerSocketChannel listening = ServerSocketChannel.open()) {
      listening.bind(new InetSocketAddress("127.0.0.1", 0));
      Future<TlsTransport> accepted = acceptOne(listening, server);
      PeerAddress address = PeerAddress.of((InetSocketAddress) listening.getLocalAddress());
      TlsTransport dialled = client.connect(address, timeout, scheduler);
      // the client's handshake ends before the server checked it: a first exchange settles it
      dialled.write(ByteBuffer.wrap(new byte[] {1}));
      TlsTransport taken = accepted.get(10, TimeUnit.SECONDS);
      ByteBuffer one = ByteBuffer.allocate(1);
      assertEquals(1, taken.read(one));
      return new Pair(dialled, taken);
    }
  }

  /** The server refuses or the client refuses: either way no byte crosses. */
  void assertRefused(FleetTls client, FleetTls server) throws Exception {
    assertThrows(Exception.class, () -> connect(client, server).close());
  }

  @Test
  void fleetMembersConnectOverTls13WithAesGcmAndLearnEachOthersAgentId() throws Exception {
    try (Pair pair =
        connect(alice.tls(fleet, RevokedSerials.none()), bob.tls(fleet, RevokedSerials.none()))) {
      assertEquals("42", pair.client().agentId());
      assertEquals("17", pair.server().agentId());
      assertTrue(pair.client().isAuthenticated());
      assertTrue(pair.server().isAuthenticated());
      assertEquals("CN=17,O=Everseed fleet", pair.server().remoteIdentity().get().getName());
      String negotiated = pair.client().negotiated();
      assertTrue(negotiated.startsWith("TLSv1.3 TLS_AES_"), negotiated);
      assertTrue(negotiated.endsWith("_GCM_SHA256") || negotiated.endsWith("_GCM_SHA384"));
      assertEquals(pair.client().negotiated(), pair.server().negotiated());
    }
  }

  @Test
  void bytesCrossBothWaysIntactIncludingMoreThanOneRecord() throws Exception {
    byte[] big = new byte[3 * TlsTransport.RECORD + 123];
    new Random(7).nextBytes(big);
    try (Pair pair =
        connect(alice.tls(fleet, RevokedSerials.none()), bob.tls(fleet, RevokedSerials.none()))) {
      Future<?> writing =
          acceptor.submit(
              () -> {
                pair.client().write(ByteBuffer.wrap(big));
                return null;
              });
      assertArrayEquals(big, readFully(pair.server(), big.length, false));
      writing.get(5, TimeUnit.SECONDS);
      pair.server().write(ByteBuffer.wrap(new byte[] {9, 8, 7}));
      assertArrayEquals(new byte[] {9, 8, 7}, readFully(pair.client(), 3, true));
    }
  }

  @Test
  void aFileRegionIsEncryptedOnTheWayAndArrivesIntact(@TempDir Path dir) throws Exception {
    byte[] data = new byte[100_000];
    new Random(11).nextBytes(data);
    Path file = Files.write(dir.resolve("piece"), data);
    try (Pair pair =
            connect(
                alice.tls(fleet, RevokedSerials.none()), bob.tls(fleet, RevokedSerials.none()));
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      Future<?> sending =
          acceptor.submit(
              () -> {
                pair.client()
                    .sendFileRegion(
                        target -> {
                          long sent = 0;
                          while (sent < 50_000) {
                            sent += channel.transferTo(1_000 + sent, 50_000 - sent, target);
                          }
                        });
                return null;
              });
      byte[] expected = java.util.Arrays.copyOfRange(data, 1_000, 51_000);
      assertArrayEquals(expected, readFully(pair.server(), 50_000, false));
      sending.get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void aCertificateFromAnotherCaIsRefusedEitherWay() throws Exception {
    TestFleet.Member impostor = stranger.member("42");
    FleetTls impostorTls =
        FleetTls.create(
            impostor.keys().getPrivate(),
            List.of(impostor.certificate()),
            stranger.ca,
            RevokedSerials.none());
    assertRefused(impostorTls, alice.tls(fleet, RevokedSerials.none()));
    assertRefused(alice.tls(fleet, RevokedSerials.none()), impostorTls);
  }

  @Test
  void aRevokedCertificateIsRefusedAsClientAndAsServer() throws Exception {
    X509CRL crl = fleet.crl(bob.certificate());
    RevokedSerials revoked = RevokedSerials.fromCrl(crl, fleet.ca);
    assertTrue(revoked.isRevoked(bob.certificate().getSerialNumber()));
    assertRefused(bob.tls(fleet, RevokedSerials.none()), alice.tls(fleet, revoked));
    assertRefused(alice.tls(fleet, revoked), bob.tls(fleet, RevokedSerials.none()));
  }

  @Test
  void aNewerCrlRevokesFromTheNextConnectionOn() throws Exception {
    RevokedSerials revoked = RevokedSerials.none();
    FleetTls server = alice.tls(fleet, revoked);
    FleetTls client = bob.tls(fleet, RevokedSerials.none());
    connect(client, server).close();
    revoked.update(fleet.crl(bob.certificate()), fleet.ca);
    assertRefused(client, server);
    revoked.update(fleet.crl(), fleet.ca);
    connect(client, server).close();
  }

  @Test
  void anExpiredCertificateIsRefused() throws Exception {
    Instant now = Instant.now();
    TestFleet.Member expired =
        fleet.member("99", now.minus(Duration.ofDays(8)), now.minus(Duration.ofDays(1)));
    FleetTls server = alice.tls(fleet, RevokedSerials.none());
    // its own side refuses to present it ...
    assertThrows(GeneralSecurityException.class, () -> expired.tls(fleet, RevokedSerials.none()));
    // ... and a peer refuses it when presented anyway
    FleetTrustManager trust = new FleetTrustManager(fleet.ca, RevokedSerials.none());
    assertThrows(
        java.security.cert.CertificateException.class,
        () -> trust.check(new java.security.cert.X509Certificate[] {expired.certificate()}));
    connect(bob.tls(fleet, RevokedSerials.none()), server).close();
  }

  @Test
  void aClientWithoutACertificateIsRefused() throws Exception {
    javax.net.ssl.SSLContext anonymous = javax.net.ssl.SSLContext.getInstance("TLSv1.3");
    anonymous.init(
        null,
        new javax.net.ssl.TrustManager[] {new FleetTrustManager(fleet.ca, RevokedSerials.none())},
        null);
    FleetTls server = alice.tls(fleet, RevokedSerials.none());
    try (ServerSocketChannel listening = ServerSocketChannel.open()) {
      listening.bind(new InetSocketAddress("127.0.0.1", 0));
      Future<TlsTransport> accepted = acceptOne(listening, server);
      try (javax.net.ssl.SSLSocket socket =
          (javax.net.ssl.SSLSocket)
              anonymous
                  .getSocketFactory()
                  .createSocket("127.0.0.1", listening.socket().getLocalPort())) {
        socket.setSoTimeout(5000);
        assertThrows(
            IOException.class,
            () -> {
              socket.startHandshake();
              socket.getOutputStream().write(1);
              socket.getOutputStream().flush();
              if (socket.getInputStream().read() < 0) {
                throw new IOException("closed");
              }
            });
      }
      Exception refused = assertThrows(Exception.class, () -> accepted.get(10, TimeUnit.SECONDS));
      assertFalse(refused.getCause() instanceof AssertionError, refused.toString());
    }
  }

  @Test
  void aCrlSignedByAnotherCaIsNotBelieved() throws Exception {
    X509CRL forged = stranger.crl(alice.certificate());
    assertThrows(GeneralSecurityException.class, () -> RevokedSerials.fromCrl(forged, fleet.ca));
  }

  @Test
  void theAgentIdIsTheSubjectsCommonName() throws Exception {
    assertEquals("17", FleetTls.agentIdOf(alice.certificate()).orElseThrow());
    assertEquals("Everseed fleet CA", FleetTls.agentIdOf(fleet.ca).orElseThrow());
  }

  private static byte[] readFully(PeerTransport transport, int length, boolean small)
      throws IOException {
    ByteBuffer buffer = small ? ByteBuffer.allocateDirect(length) : ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (transport.read(buffer) < 0) {
        throw new IOException("closed early");
      }
    }
    byte[] bytes = new byte[length];
    buffer.flip().get(bytes);
    return bytes;
  }
}
