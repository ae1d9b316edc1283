package org.everseed.agent.peer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.security.Principal;
import java.time.Duration;
import java.util.Optional;
import org.everseed.api.wire.PeerAddress;

/**
 * Plaintext TCP: a blocking {@link SocketChannel} with {@code TCP_NODELAY} and keep-alive. Blocking
 * mode lets {@code FileChannel.transferTo} use sendfile for uploads.
 */
public final class PlainTransport implements PeerTransport {

  private final SocketChannel channel;
  private final PeerAddress remote;
  private final ByteBuffer alreadyRead;

  private PlainTransport(SocketChannel channel, PeerAddress remote, ByteBuffer alreadyRead)
      throws IOException {
    this.channel = channel;
    this.remote = remote;
    this.alreadyRead = alreadyRead;
    channel.socket().setTcpNoDelay(true);
    channel.socket().setKeepAlive(true);
  }

  /** Connects to {@code address} within {@code timeout}. */
  public static PlainTransport connect(PeerAddress address, Duration timeout) throws IOException {
    SocketChannel channel = SocketChannel.open();
    try {
      channel.socket().connect(address.toSocketAddress(), (int) timeout.toMillis());
      return new PlainTransport(channel, address, ByteBuffer.allocate(0));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Wraps an accepted connection.
   *
   * @param alreadyRead bytes the listener read to tell the protocol apart; reads return them first
   */
  public static PlainTransport accepted(SocketChannel channel, ByteBuffer alreadyRead)
      throws IOException {
    try {
      PeerAddress remote = PeerAddress.of((InetSocketAddress) channel.getRemoteAddress());
      return new PlainTransport(channel, remote, alreadyRead.slice());
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public int read(ByteBuffer destination) throws IOException {
    if (alreadyRead.hasRemaining()) {
      int n = Math.min(alreadyRead.remaining(), destination.remaining());
      destination.put(alreadyRead.slice(alreadyRead.position(), n));
      alreadyRead.position(alreadyRead.position() + n);
      return n;
    }
    return channel.read(destination);
  }

  @Override
  public void write(ByteBuffer source) throws IOException {
    while (source.hasRemaining()) {
      channel.write(source);
    }
  }

  @Override
  public void sendFileRegion(FileRegion region) throws IOException {
    region.transferTo(channel);
  }

  @Override
  public PeerAddress remoteAddress() {
    return remote;
  }

  @Override
  public Optional<Principal> remoteIdentity() {
    return Optional.empty();
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Nothing more can be done with a socket that will not close.
    }
  }

  @Override
  public String toString() {
    return "tcp " + remote;
  }
}
