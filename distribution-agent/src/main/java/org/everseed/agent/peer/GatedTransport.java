package org.everseed.agent.peer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.util.Optional;
import org.everseed.api.wire.PeerAddress;

/** An incoming connection's transport that gives its {@link IncomingGate} ticket back on close. */
final class GatedTransport implements PeerTransport {

  private final PeerTransport delegate;
  private final IncomingGate.Ticket ticket;

  GatedTransport(PeerTransport delegate, IncomingGate.Ticket ticket) {
    this.delegate = delegate;
    this.ticket = ticket;
  }

  @Override
  public int read(ByteBuffer destination) throws IOException {
    return delegate.read(destination);
  }

  @Override
  public void write(ByteBuffer source) throws IOException {
    delegate.write(source);
  }

  @Override
  public void sendFileRegion(FileRegion region) throws IOException {
    delegate.sendFileRegion(region);
  }

  @Override
  public PeerAddress remoteAddress() {
    return delegate.remoteAddress();
  }

  @Override
  public Optional<Principal> remoteIdentity() {
    return delegate.remoteIdentity();
  }

  @Override
  public void close() {
    try {
      delegate.close();
    } finally {
      ticket.release();
    }
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
