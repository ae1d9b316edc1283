package org.everseed.agent.swarm;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import org.everseed.agent.bandwidth.RateMeter;
import org.everseed.agent.bandwidth.TokenBucket;
import org.everseed.agent.storage.PieceStorage;
import org.everseed.api.wire.Handshake;
import org.everseed.api.wire.PeerAddress;
import org.everseed.api.wire.PeerIds;
import org.everseed.api.wire.PeerMessage;
import org.everseed.api.wire.PeerMessageCodec;
import org.everseed.api.wire.PeerWireException;

/**
 * One connected peer after the handshakes: a reader thread that frames messages off the socket and
 * hands them to the session, and a writer thread that sends queued messages and uploads blocks
 * straight from storage. The socket stays in blocking mode so {@code FileChannel.transferTo} can
 * use sendfile. All protocol state below is guarded by the session's lock.
 */
final class PeerConnection {

  /** What the writer thread sends next. */
  private sealed interface Outgoing {}

  private record Frame(byte[] bytes) implements Outgoing {}

  private record Upload(Block block) implements Outgoing {}

  private static final Outgoing CLOSE = new Frame(new byte[0]);
  private static final int READ_BUFFER = 256 << 10;
  private static final int WRITE_BATCH = 64 << 10;

  private final TorrentSession session;
  private final SocketChannel channel;
  private final Handshake remote;
  private final PeerAddress remoteAddress;
  private final boolean incoming;
  private final LinkedBlockingDeque<Outgoing> outgoing = new LinkedBlockingDeque<>();
  private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER);
  private volatile boolean closed;

  // Guarded by the session's lock.
  final BitSet pieces = new BitSet();
  final Set<Block> pendingRequests = new LinkedHashSet<>();
  final Set<Block> queuedUploads = new HashSet<>();
  boolean amChoking = true;
  boolean amInterested;
  boolean peerChoking = true;
  boolean peerInterested;
  boolean snubbed;
  boolean isSeed;
  int maxRequests;
  int pexMessageId;
  int metadataMessageId;
  int webSeedClaimId;
  int listenPort;
  String client = "";
  Set<PeerAddress> pexSent = new HashSet<>();
  long lastBlockNanos = System.nanoTime();
  volatile long lastReceivedNanos = System.nanoTime();
  volatile long lastSentNanos = System.nanoTime();

  final RateMeter downloadRate = RateMeter.fiveSeconds();
  final RateMeter uploadRate = RateMeter.fiveSeconds();

  PeerConnection(
      TorrentSession session,
      SocketChannel channel,
      Handshake remote,
      PeerAddress remoteAddress,
      boolean incoming,
      int defaultMaxRequests) {
    this.session = session;
    this.channel = channel;
    this.remote = remote;
    this.remoteAddress = remoteAddress;
    this.incoming = incoming;
    this.maxRequests = defaultMaxRequests;
    this.listenPort = incoming ? 0 : remoteAddress.port();
    readBuffer.flip();
  }

  Handshake remote() {
    return remote;
  }

  PeerAddress address() {
    return remoteAddress;
  }

  boolean incoming() {
    return incoming;
  }

  /** Where the peer accepts connections, if known: the outgoing address or its BEP 10 port. */
  PeerAddress listenAddress() {
    return listenPort > 0 ? new PeerAddress(remoteAddress.address(), listenPort) : null;
  }

  boolean fastExtension() {
    return session.fastExtension() && remote.supportsFastExtension();
  }

  boolean isClosed() {
    return closed;
  }

  void start(Executor threads) {
    threads.execute(named("peer-read " + remoteAddress, this::readLoop));
    threads.execute(named("peer-write " + remoteAddress, this::writeLoop));
  }

  private static Runnable named(String name, Runnable task) {
    return () -> {
      Thread.currentThread().setName(name);
      task.run();
    };
  }

  /** Queues a message; never blocks. */
  void send(PeerMessage message) {
    if (!closed) {
      outgoing.add(new Frame(PeerMessageCodec.encode(message)));
    }
  }

  /** Queues the upload of a block the peer requested. */
  void queueUpload(Block block) {
    if (!closed) {
      outgoing.add(new Upload(block));
    }
  }

  /** Drops queued uploads (after choking the peer or its cancel). */
  void dropQueuedUploads(Block onlyThis) {
    outgoing.removeIf(
        item ->
            item instanceof Upload upload && (onlyThis == null || upload.block().equals(onlyThis)));
  }

  void close() {
    if (closed) {
      return;
    }
    closed = true;
    outgoing.clear();
    outgoing.add(CLOSE);
    try {
      channel.close();
    } catch (IOException ignored) {
      // Closing a socket that is already broken has nothing left to report.
    }
    session.peerClosed(this);
  }

  private void readLoop() {
    try {
      while (!closed) {
        int length = frameLength();
        lastReceivedNanos = System.nanoTime();
        if (length == 0) {
          readBuffer.position(readBuffer.position() + PeerMessageCodec.PREFIX_LENGTH);
          continue;
        }
        int frameSize = PeerMessageCodec.PREFIX_LENGTH + length;
        ByteBuffer frame;
        if (frameSize <= READ_BUFFER) {
          fill(frameSize);
          frame = readBuffer.slice(readBuffer.position(), frameSize);
          readBuffer.position(readBuffer.position() + frameSize);
        } else {
          frame = readLarge(frameSize);
        }
        int id = frame.get(PeerMessageCodec.PREFIX_LENGTH) & 0xFF;
        if (id == PeerMessageCodec.PIECE) {
          PeerMessageCodec.BlockHeader header = PeerMessageCodec.decodePieceHeader(frame);
          session.bandwidthForDownload().acquire(header.blockLength());
          downloadRate.add(header.blockLength());
          ByteBuffer block =
              frame.slice(
                  PeerMessageCodec.PREFIX_LENGTH + PeerMessageCodec.PIECE_HEADER_LENGTH,
                  header.blockLength());
          session.onBlock(this, header.pieceIndex(), header.begin(), block);
        } else {
          session.onMessage(this, PeerMessageCodec.decode(frame));
        }
      }
    } catch (PeerWireException e) {
      session.log("dropping " + this + ": " + e.getMessage());
    } catch (IOException e) {
      // The peer went away or the watchdog closed an idle socket.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      session.log("dropping " + this + " after an error: " + e);
    } finally {
      close();
    }
  }

  private int frameLength() throws IOException {
    fill(PeerMessageCodec.PREFIX_LENGTH);
    return PeerMessageCodec.peekMessageLength(readBuffer);
  }

  private void fill(int needed) throws IOException {
    if (readBuffer.remaining() >= needed) {
      return;
    }
    readBuffer.compact();
    while (readBuffer.position() < needed) {
      if (channel.read(readBuffer) < 0) {
        throw new EOFException();
      }
    }
    readBuffer.flip();
  }

  private ByteBuffer readLarge(int frameSize) throws IOException {
    ByteBuffer frame = ByteBuffer.allocate(frameSize);
    int buffered = Math.min(readBuffer.remaining(), frameSize);
    frame.put(readBuffer.slice(readBuffer.position(), buffered));
    readBuffer.position(readBuffer.position() + buffered);
    while (frame.hasRemaining()) {
      if (channel.read(frame) < 0) {
        throw new EOFException();
      }
    }
    return frame.flip();
  }

  private void writeLoop() {
    ByteBuffer batch = ByteBuffer.allocateDirect(WRITE_BATCH);
    ByteBuffer header = ByteBuffer.allocate(13);
    try {
      while (!closed) {
        Outgoing item = outgoing.poll(1, TimeUnit.SECONDS);
        if (item == null || item == CLOSE) {
          continue;
        }
        if (item instanceof Upload upload) {
          sendBlock(upload.block(), header);
          continue;
        }
        batch.clear();
        List<Outgoing> more = new ArrayList<>();
        more.add(item);
        Outgoing next;
        int size = ((Frame) item).bytes().length;
        while ((next = outgoing.peek()) instanceof Frame frame
            && next != CLOSE
            && size + frame.bytes().length <= WRITE_BATCH) {
          more.add(outgoing.poll());
          size += frame.bytes().length;
        }
        for (Outgoing frame : more) {
          byte[] bytes = ((Frame) frame).bytes();
          if (bytes.length > batch.remaining()) {
            writeFully(batch.flip());
            batch.clear();
          }
          if (bytes.length > batch.capacity()) {
            writeFully(ByteBuffer.wrap(bytes));
          } else {
            batch.put(bytes);
          }
        }
        writeFully(batch.flip());
      }
    } catch (IOException e) {
      // The peer went away; the reader notices too.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      close();
    }
  }

  private void sendBlock(Block block, ByteBuffer header) throws IOException, InterruptedException {
    if (!session.uploadAllowed(this, block)) {
      return;
    }
    TokenBucket bucket = session.bandwidthForUpload();
    bucket.acquire(block.length());
    header.clear();
    PeerMessageCodec.encodePieceHeader(block.piece(), block.begin(), block.length(), header);
    writeFully(header.flip());
    PieceStorage storage = session.storage();
    storage.transferTo(block.piece(), block.begin(), block.length(), channel);
    lastSentNanos = System.nanoTime();
    uploadRate.add(block.length());
    session.uploaded(this, block);
  }

  private void writeFully(ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    lastSentNanos = System.nanoTime();
  }

  @Override
  public String toString() {
    return remoteAddress + " (" + PeerIds.printable(remote.peerId()) + ")";
  }
}
