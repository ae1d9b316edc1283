package org.everseed.agent.peer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.everseed.api.wire.PeerAddress;

/**
 * The agent's side of the encrypted swarm: TLS 1.3 only, AES-GCM only, both ends present a
 * certificate of the fleet CA and check the other's (chain to the CA, not revoked, names an agent:
 * {@link FleetTrustManager}). Makes {@link TlsTransport}s by dialling or by taking over a
 * connection the {@link PeerListener} accepted. {@link #renew} swaps in a renewed certificate for
 * the connections made after it.
 */
public final class FleetTls {

  static final String PROTOCOL = "TLSv1.3";

  /** AES-GCM suites only (hardware-accelerated here); ChaCha20 is not offered. */
  static final String[] CIPHER_SUITES = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384"};

  private final X509Certificate fleetCa;
  private final RevokedSerials revoked;
  private final FleetTrustManager trust;
  private volatile SSLContext context;

  private FleetTls(X509Certificate fleetCa, RevokedSerials revoked, SSLContext context) {
    this.fleetCa = fleetCa;
    this.revoked = revoked;
    this.trust = new FleetTrustManager(fleetCa, revoked);
    this.context = context;
  }

  /**
   * @param key the agent's private key
   * @param chain its certificate first, then any intermediates
   * @param fleetCa the one trust anchor
   * @param revoked the fleet's revoked serials (updated in place when a newer CRL arrives)
   */
  public static FleetTls create(
      PrivateKey key, List<X509Certificate> chain, X509Certificate fleetCa, RevokedSerials revoked)
      throws GeneralSecurityException {
    FleetTls tls = new FleetTls(fleetCa, revoked, null);
    tls.renew(key, chain);
    return tls;
  }

  /** Uses a renewed key and certificate for every connection from now on. */
  public void renew(PrivateKey key, List<X509Certificate> chain) throws GeneralSecurityException {
    if (chain.isEmpty()) {
      throw new GeneralSecurityException("no certificate");
    }
    trust.check(chain.toArray(X509Certificate[]::new)); // never present what peers would refuse
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException impossible) {
      throw new GeneralSecurityException(impossible);
    }
    char[] password = new char[0];
    store.setKeyEntry("agent", key, password, chain.toArray(X509Certificate[]::new));
    KeyManagerFactory keys = KeyManagerFactory.getInstance("PKIX");
    keys.init(store, password);
    SSLContext renewed = SSLContext.getInstance(PROTOCOL);
    renewed.init(keys.getKeyManagers(), new TrustManager[] {trust}, null);
    context = renewed;
  }

  /** The agent id a fleet certificate names: its subject's common name. */
  public static Optional<String> agentIdOf(X509Certificate certificate) {
    try {
      LdapName name = new LdapName(certificate.getSubjectX500Principal().getName());
      return name.getRdns().stream()
          .filter(rdn -> rdn.getType().equalsIgnoreCase("CN"))
          .map(Rdn::getValue)
          .map(String::valueOf)
          .filter(id -> !id.isBlank())
          .reduce((first, last) -> last);
    } catch (InvalidNameException e) {
      return Optional.empty();
    }
  }

  /** The fleet's revoked serials, as this side applies them. */
  public RevokedSerials revoked() {
    return revoked;
  }

  /** The fleet CA this side trusts. */
  public X509Certificate fleetCa() {
    return fleetCa;
  }

  /**
   * Dials {@code address} and completes the TLS handshake within {@code timeout}.
   *
   * @throws IOException if the connection, the handshake or the peer's certificate fails
   */
  public TlsTransport connect(
      PeerAddress address, Duration timeout, ScheduledExecutorService scheduler)
      throws IOException {
    Socket raw = new Socket();
    ScheduledFuture<?> deadline = closeAfter(raw, timeout, scheduler);
    try {
      raw.connect(address.toSocketAddress(), (int) timeout.toMillis());
      InetSocketAddress to = address.toSocketAddress();
      SSLSocket ssl =
          (SSLSocket)
              context.getSocketFactory().createSocket(raw, to.getHostString(), to.getPort(), true);
      ssl.setUseClientMode(true);
      return handshake(raw, ssl, address, true);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    } finally {
      deadline.cancel(false);
    }
  }

  /**
   * Takes over a connection the listener accepted and completes the TLS handshake as the server
   * within {@code timeout}, asking for the peer's certificate.
   *
   * @param alreadyRead the bytes the listener read to tell the protocol apart (the ClientHello's
   *     first)
   */
  public TlsTransport accept(
      SocketChannel channel,
      ByteBuffer alreadyRead,
      Duration timeout,
      ScheduledExecutorService scheduler)
      throws IOException {
    Socket raw = channel.socket();
    ScheduledFuture<?> deadline = closeAfter(raw, timeout, scheduler);
    try {
      PeerAddress remote = PeerAddress.of((InetSocketAddress) channel.getRemoteAddress());
      byte[] consumed = new byte[alreadyRead.remaining()];
      alreadyRead.get(consumed);
      SSLSocket ssl =
          (SSLSocket)
              context
                  .getSocketFactory()
                  .createSocket(raw, new ByteArrayInputStream(consumed), true);
      ssl.setUseClientMode(false);
      return handshake(raw, ssl, remote, false);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    } finally {
      deadline.cancel(false);
    }
  }

  private TlsTransport handshake(Socket raw, SSLSocket ssl, PeerAddress remote, boolean client)
      throws IOException {
    SSLParameters parameters = ssl.getSSLParameters();
    parameters.setProtocols(new String[] {PROTOCOL});
    parameters.setCipherSuites(CIPHER_SUITES);
    if (!client) {
      parameters.setNeedClientAuth(true);
    }
    ssl.setSSLParameters(parameters);
    raw.setTcpNoDelay(true);
    raw.setKeepAlive(true);
    ssl.startHandshake();
    X509Certificate theirs = (X509Certificate) ssl.getSession().getPeerCertificates()[0];
    // A resumed session skips the trust manager: the revocation list is applied again here.
    if (revoked.isRevoked(theirs.getSerialNumber())) {
      throw new IOException("peer certificate " + theirs.getSerialNumber() + " is revoked");
    }
    String agentId =
        agentIdOf(theirs).orElseThrow(() -> new IOException("peer certificate names no agent"));
    return new TlsTransport(raw, ssl, remote, theirs, agentId);
  }

  private static ScheduledFuture<?> closeAfter(
      Socket raw, Duration timeout, ScheduledExecutorService scheduler) {
    return scheduler.schedule(
        () -> {
          try {
            raw.close();
          } catch (IOException ignored) {
            // closing is all the deadline does
          }
        },
        timeout.toMillis(),
        TimeUnit.MILLISECONDS);
  }
}
