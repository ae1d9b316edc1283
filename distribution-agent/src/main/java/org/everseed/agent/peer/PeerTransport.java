package org.everseed.agent.peer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.security.Principal;
import java.util.Optional;
import org.everseed.api.wire.PeerAddress;

/**
 * One connection to a peer as a byte stream, whatever carries it: plaintext TCP ({@link
 * PlainTransport}), TLS 1.3 between fleet agents ({@link TlsTransport}), MSE/PE later. Blocking: a
 * connection has a reader thread and a writer thread, which may call {@link #read} and the write
 * methods at the same time; {@link #close} from any thread makes a blocked call fail.
 */
public interface PeerTransport extends AutoCloseable {

  /** A region of stored data to send, written into whatever channel the transport offers. */
  @FunctionalInterface
  interface FileRegion {
    void transferTo(WritableByteChannel target) throws IOException;
  }

  /**
   * Reads what has arrived into {@code destination}, waiting for at least one byte.
   *
   * @return the number of bytes read, or -1 when the peer closed the connection
   */
  int read(ByteBuffer destination) throws IOException;

  /** Writes every remaining byte of {@code source}. */
  void write(ByteBuffer source) throws IOException;

  /**
   * Sends a region of a file. Plaintext hands the socket itself to {@code region}, so that {@code
   * FileChannel.transferTo} sends straight from the page cache (sendfile); an encrypting transport
   * hands a channel that encrypts what is written.
   */
  void sendFileRegion(FileRegion region) throws IOException;

  /** The other end's address. */
  PeerAddress remoteAddress();

  /** Who the other end proved to be (a certificate's subject); empty when it proved nothing. */
  Optional<Principal> remoteIdentity();

  /** Whether the other end proved a fleet identity (TLS with a fleet certificate). */
  default boolean isAuthenticated() {
    return remoteIdentity().isPresent();
  }

  /** Closes the connection; idempotent, never fails. */
  @Override
  void close();
}
