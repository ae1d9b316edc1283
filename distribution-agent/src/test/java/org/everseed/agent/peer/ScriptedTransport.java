package org.everseed.agent.peer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.security.Principal;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.everseed.api.wire.PeerAddress;

/**
 * A transport for unit tests: reads return the scripted bytes, at most {@code chunk} at a time,
 * then block until closed (or end the stream, if asked); writes are recorded.
 */
final class ScriptedTransport implements PeerTransport {

  private final ByteBuffer input;
  private final int chunk;
  private final boolean endAfterInput;
  private final ByteArrayOutputStream written = new ByteArrayOutputStream();
  private final CountDownLatch closed = new CountDownLatch(1);

  ScriptedTransport(byte[] input, int chunk, boolean endAfterInput) {
    this.input = ByteBuffer.wrap(input);
    this.chunk = chunk;
    this.endAfterInput = endAfterInput;
  }

  @Override
  public int read(ByteBuffer destination) throws IOException {
    if (isClosed()) {
      throw new AsynchronousCloseException();
    }
    if (!input.hasRemaining()) {
      if (endAfterInput) {
        return -1;
      }
      try {
        closed.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new AsynchronousCloseException();
    }
    int n = Math.min(Math.min(chunk, input.remaining()), destination.remaining());
    destination.put(input.slice(input.position(), n));
    input.position(input.position() + n);
    return n;
  }

  @Override
  public synchronized void write(ByteBuffer source) throws IOException {
    if (isClosed()) {
      throw new AsynchronousCloseException();
    }
    byte[] bytes = new byte[source.remaining()];
    source.get(bytes);
    written.writeBytes(bytes);
  }

  @Override
  public void sendFileRegion(FileRegion region) {
    throw new UnsupportedOperationException();
  }

  @Override
  public PeerAddress remoteAddress() {
    return new PeerAddress(java.net.InetAddress.getLoopbackAddress(), 6881);
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

  synchronized byte[] written() {
    return written.toByteArray();
  }
}
