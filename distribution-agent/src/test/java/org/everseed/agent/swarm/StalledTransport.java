package org.everseed.agent.swarm;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.security.Principal;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.everseed.agent.peer.PeerTransport;
import org.everseed.api.wire.PeerAddress;

/**
 * A transport for unit tests of a peer that sends and never reads: reads return the scripted bytes,
 * then block until closed; every write blocks until closed (the peer's window is full).
 */
final class StalledTransport implements PeerTransport {

  private final ByteBuffer input;
  private final CountDownLatch closed = new CountDownLatch(1);

  StalledTransport(byte[] input) {
    this.input = ByteBuffer.wrap(input);
  }

  @Override
  public synchronized int read(ByteBuffer destination) throws IOException {
    if (!input.hasRemaining() || isClosed()) {
      awaitClose();
    }
    int n = Math.min(input.remaining(), destination.remaining());
    destination.put(input.slice(input.position(), n));
    input.position(input.position() + n);
    return n;
  }

  @Override
  public void write(ByteBuffer source) throws IOException {
    awaitClose();
  }

  @Override
  public void sendFileRegion(FileRegion region) throws IOException {
    awaitClose();
  }

  private void awaitClose() throws IOException {
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new AsynchronousCloseException();
  }

  @Override
  public PeerAddress remoteAddress() {
    return new PeerAddress(InetAddress.getLoopbackAddress(), 6881);
  }

  @Override
  public Optional<Principal> remoteIdentity() {
    return Optional.empty();
  }

  @Override
  public void close() {
    closed.countDown();
  }

  boolean isClosed() {
    return closed.getCount() == 0;
  }
}
