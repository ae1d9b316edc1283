package org.everseed.agent.peer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.security.Principal;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLSocket;
import org.everseed.api.wire.PeerAddress;

/**
 * A peer connection over TLS 1.3 with a fleet-authenticated peer, made by {@link FleetTls}. Writes
 * are gathered into 16 KiB (one full TLS record) before they are encrypted, so a piece message's
 * header and its block travel in the same records; file regions are read into that buffer (no
 * sendfile: the bytes must pass through the cipher). Reads and writes may run on two threads at
 * once, as {@link SSLSocket} allows; {@link #close} closes the TCP socket under it, which fails
 * both at once without waiting for a close_notify.
 */
public final class TlsTransport implements PeerTransport {

  /** The largest TLS record's plaintext. */
  static final int RECORD = 16 * 1024;

  private final Socket raw;
  private final SSLSocket ssl;
  private final InputStream in;
  private final OutputStream out;
  private final WritableByteChannel outChannel;
  private final byte[] readScratch = new byte[RECORD];
  private final PeerAddress remote;
  private final X509Certificate certificate;
  private final String agentId;

  TlsTransport(
      Socket raw, SSLSocket ssl, PeerAddress remote, X509Certificate certificate, String agentId)
      throws IOException {
    this.raw = raw;
    this.ssl = ssl;
    this.in = ssl.getInputStream();
    this.out = new BufferedOutputStream(ssl.getOutputStream(), RECORD);
    this.outChannel = new RecordChannel();
    this.remote = remote;
    this.certificate = certificate;
    this.agentId = agentId;
    ssl.setSoTimeout(0); // the handshake's timeout is over; idle peers are the session's business
  }

  @Override
  public int read(ByteBuffer destination) throws IOException {
    if (!destination.hasRemaining()) {
      return 0;
    }
    if (destination.hasArray()) {
      int n =
          in.read(
              destination.array(),
              destination.arrayOffset() + destination.position(),
              destination.remaining());
      if (n > 0) {
        destination.position(destination.position() + n);
      }
      return n;
    }
    // A direct buffer (the peer connection's) is filled through one scratch array per transport:
    // one reader at a time, as for any PeerTransport.
    int n = in.read(readScratch, 0, Math.min(destination.remaining(), readScratch.length));
    if (n > 0) {
      destination.put(readScratch, 0, n);
    }
    return n;
  }

  @Override
  public void write(ByteBuffer source) throws IOException {
    synchronized (out) {
      while (source.hasRemaining()) {
        outChannel.write(source);
      }
      out.flush();
    }
  }

  @Override
  public void sendFileRegion(FileRegion region) throws IOException {
    synchronized (out) {
      region.transferTo(outChannel);
      out.flush();
    }
  }

  @Override
  public PeerAddress remoteAddress() {
    return remote;
  }

  @Override
  public Optional<Principal> remoteIdentity() {
    return Optional.of(certificate.getSubjectX500Principal());
  }

  /** The agent id the peer's fleet certificate names. */
  public String agentId() {
    return agentId;
  }

  /** The peer's certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  /** The negotiated protocol and cipher suite, e.g. {@code TLSv1.3 TLS_AES_128_GCM_SHA256}. */
  public String negotiated() {
    return ssl.getSession().getProtocol() + " " + ssl.getSession().getCipherSuite();
  }

  @Override
  public void close() {
    try {
      raw.close();
    } catch (IOException ignored) {
      // Nothing more can be done with a socket that will not close.
    }
  }

  @Override
  public String toString() {
    return "tls " + remote + " agent " + agentId;
  }

  /**
   * What file regions are written into: bytes go straight into the record buffer (a heap buffer's
   * array as is, a direct buffer through one scratch array), with no extra chunking on the way.
   * Only used under the output lock.
   */
  private final class RecordChannel implements WritableByteChannel {
    private final byte[] scratch = new byte[RECORD];

    @Override
    public int write(ByteBuffer source) throws IOException {
      int n = source.remaining();
      if (source.hasArray()) {
        out.write(source.array(), source.arrayOffset() + source.position(), n);
        source.position(source.limit());
      } else {
        while (source.hasRemaining()) {
          int chunk = Math.min(scratch.length, source.remaining());
          source.get(scratch, 0, chunk);
          out.write(scratch, 0, chunk);
        }
      }
      return n;
    }

    @Override
    public boolean isOpen() {
      return !raw.isClosed();
    }

    @Override
    public void close() {
      TlsTransport.this.close();
    }
  }
}
