package org.everseed.agent.peer;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.everseed.api.wire.Handshake;

/**
 * Accepts incoming peer connections on one port and tells their protocol apart by the first byte:
 * {@code 0x13} (the length of "BitTorrent protocol") starts a plaintext BitTorrent handshake,
 * {@code 0x16} a TLS ClientHello, taken over by {@link FleetTls} when the agent has a fleet
 * identity (closed otherwise), and anything else an MSE/PE key exchange, not spoken yet and closed
 * at once. The first byte is awaited for at most the timeout, and so is the TLS handshake and then
 * the BitTorrent handshake after it; then the connection goes to whoever takes incoming peers, who
 * decides by the torrent whether a plaintext peer may stay.
 */
public final class PeerListener implements AutoCloseable {

  /** Where an incoming connection goes once the peer's handshake is read. */
  @FunctionalInterface
  public interface Incoming {
    /** Takes the connection (answering the handshake) or closes it. */
    void accept(PeerTransport transport, Handshake theirs);
  }

  /** The first byte of a BitTorrent handshake. */
  static final int BITTORRENT = 0x13;

  /** The first byte of a TLS record carrying a handshake message (the ClientHello). */
  static final int TLS_HANDSHAKE = 0x16;

  private final ServerSocketChannel server;
  private final int port;
  private final Optional<FleetTls> tls;
  private volatile boolean closed;

  private PeerListener(ServerSocketChannel server, int port, Optional<FleetTls> tls) {
    this.server = server;
    this.port = port;
    this.tls = tls;
  }

  /**
   * Binds {@code host:port} (port 0 picks a free one) for plaintext BitTorrent only; nothing is
   * accepted before {@link #start}.
   */
  public static PeerListener bind(String host, int port) throws IOException {
    return bind(host, port, Optional.empty());
  }

  /**
   * Binds {@code host:port} (port 0 picks a free one), taking TLS connections too when {@code tls}
   * is given; nothing is accepted before {@link #start}.
   */
  public static PeerListener bind(String host, int port, Optional<FleetTls> tls)
      throws IOException {
    ServerSocketChannel server = ServerSocketChannel.open();
    try {
      server.bind(new InetSocketAddress(host, port), 128);
      return new PeerListener(
          server, ((InetSocketAddress) server.getLocalAddress()).getPort(), tls);
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** The port actually listened on. */
  public int port() {
    return port;
  }

  /**
   * Starts accepting on a daemon thread; each connection is greeted on an {@code io} thread.
   *
   * @param timeout for the first byte, and again for the handshake
   */
  public void start(
      PeerHandshaker handshaker,
      Duration timeout,
      Executor io,
      ScheduledExecutorService scheduler,
      Incoming incoming) {
    Thread acceptor =
        new Thread(() -> acceptLoop(handshaker, timeout, io, scheduler, incoming), "peer-listener");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void acceptLoop(
      PeerHandshaker handshaker,
      Duration timeout,
      Executor io,
      ScheduledExecutorService scheduler,
      Incoming incoming) {
    while (!closed) {
      try {
        SocketChannel channel = server.accept();
        io.execute(() -> greet(channel, handshaker, timeout, scheduler, incoming));
      } catch (IOException e) {
        if (!closed) {
          sleepQuietly();
        }
      } catch (RejectedExecutionException e) {
        sleepQuietly();
      }
    }
  }

  private void greet(
      SocketChannel channel,
      PeerHandshaker handshaker,
      Duration timeout,
      ScheduledExecutorService scheduler,
      Incoming incoming) {
    ScheduledFuture<?> deadline =
        scheduler.schedule(() -> closeQuietly(channel), timeout.toMillis(), TimeUnit.MILLISECONDS);
    try {
      ByteBuffer first = ByteBuffer.allocate(1);
      if (channel.read(first) < 0) {
        throw new EOFException();
      }
      deadline.cancel(false);
      PeerTransport transport;
      if (first.get(0) == BITTORRENT) {
        transport = PlainTransport.accepted(channel, first.flip());
      } else if (first.get(0) == TLS_HANDSHAKE && tls.isPresent()) {
        transport = tls.get().accept(channel, first.flip(), timeout, scheduler);
      } else {
        // MSE/PE gets its transport with issue 20; TLS needs a fleet identity.
        channel.close();
        return;
      }
      incoming.accept(transport, handshaker.receive(transport));
    } catch (IOException e) {
      deadline.cancel(false);
      closeQuietly(channel);
    }
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Nothing more to do with a socket that will not close.
    }
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // The listener is going away either way.
    }
  }
}
