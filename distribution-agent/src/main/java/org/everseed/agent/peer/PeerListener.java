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
 * at once. The first byte, the TLS handshake and the BitTorrent handshake after it must all arrive
 * within the one timeout (a slowloris peer is closed then); then the connection goes to whoever
 * takes incoming peers, who decides by the torrent whether a plaintext peer may stay.
 *
 * <p>Nothing is read from a connection the {@link IncomingGate} does not admit (too many handshakes
 * in progress, or too many connections from its address): it is closed at once. An admitted
 * connection keeps its ticket while its socket is open. A connection the io pool cannot take is
 * closed too, so no socket is left open whatever the load.
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
  private final IncomingGate gate;
  private volatile boolean closed;

  private PeerListener(
      ServerSocketChannel server, int port, Optional<FleetTls> tls, IncomingGate gate) {
    this.server = server;
    this.port = port;
    this.tls = tls;
    this.gate = gate;
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
    return bind(host, port, tls, IncomingGate.standard());
  }

  /** Binds {@code host:port}, admitting incoming connections through {@code gate}. */
  public static PeerListener bind(String host, int port, Optional<FleetTls> tls, IncomingGate gate)
      throws IOException {
    ServerSocketChannel server = ServerSocketChannel.open();
    try {
      server.bind(new InetSocketAddress(host, port), 128);
      return new PeerListener(
          server, ((InetSocketAddress) server.getLocalAddress()).getPort(), tls, gate);
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** What admits incoming connections. */
  public IncomingGate gate() {
    return gate;
  }

  /** The port actually listened on. */
  public int port() {
    return port;
  }

  /**
   * Starts accepting on a daemon thread; each connection is greeted on an {@code io} thread.
   *
   * @param timeout for the first byte and the handshake together
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
      SocketChannel channel;
      try {
        channel = server.accept();
      } catch (IOException e) {
        if (!closed) {
          sleepQuietly(); // e.g. out of file descriptors: let some connections close
        }
        continue;
      }
      Optional<IncomingGate.Ticket> ticket = admit(channel);
      if (ticket.isEmpty()) {
        closeQuietly(channel);
        continue;
      }
      try {
        io.execute(() -> greet(channel, ticket.get(), handshaker, timeout, scheduler, incoming));
      } catch (RejectedExecutionException e) {
        closeQuietly(channel);
        ticket.get().release();
      }
    }
  }

  private Optional<IncomingGate.Ticket> admit(SocketChannel channel) {
    try {
      return gate.admit(
          ((InetSocketAddress) channel.getRemoteAddress()).getAddress(), channel::isOpen);
    } catch (IOException e) {
      return Optional.empty(); // already gone
    }
  }

  private void greet(
      SocketChannel channel,
      IncomingGate.Ticket ticket,
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
      PeerTransport transport;
      if (first.get(0) == BITTORRENT) {
        transport = PlainTransport.accepted(channel, first.flip());
      } else if (first.get(0) == TLS_HANDSHAKE && tls.isPresent()) {
        transport = tls.get().accept(channel, first.flip(), timeout, scheduler);
      } else {
        // MSE/PE gets its transport with issue 20; TLS needs a fleet identity.
        throw new EOFException("not a protocol we speak");
      }
      Handshake theirs = handshaker.receive(transport);
      if (!deadline.cancel(false)) {
        throw new EOFException("handshake deadline passed");
      }
      ticket.handshakeDone();
      incoming.accept(transport, theirs);
    } catch (IOException | RuntimeException e) {
      deadline.cancel(false);
      closeQuietly(channel);
      ticket.release();
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
