package org.everseed.agent.swarm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.everseed.agent.bandwidth.RateMeter;
import org.everseed.agent.bandwidth.TokenBucket;
import org.everseed.agent.peer.FrameReader;
import org.everseed.agent.peer.PeerTransport;
import org.everseed.agent.storage.PieceStorage;
import org.everseed.api.wire.PeerMessage;
import org.everseed.api.wire.PeerMessageCodec;
import org.everseed.api.wire.PeerWireException;

/**
 * One connected peer's wire, after the handshake: a reader thread that frames messages off the
 * transport and hands them to a {@link Handler}, and a writer thread that sends queued messages in
 * batches and uploads blocks straight from storage ({@link PeerTransport#sendFileRegion}, sendfile
 * on plaintext). Piece data in both directions passes the agent's rate limits here. Thread-safe.
 */
final class PeerConnection implements PeerWire {

  /** What the connection reports; called on its reader and writer threads. */
  interface Handler {

    /** A block of piece data arrived (a view valid during the call). */
    void onBlock(int piece, int begin, ByteBuffer block);

    /** Any other message arrived. */
    void onMessage(PeerMessage message);

    /** Just before a queued block is sent: false if it was cancelled or the peer choked since. */
    boolean uploadAllowed(Block block);

    /** A block was sent. */
    void uploaded(Block block);

    /** The connection is dropped for a protocol violation or an error. */
    void dropped(String reason);

    /** The connection closed, whoever closed it; called once. */
    void closed();
  }

  /** What the writer thread sends next. */
  private sealed interface Outgoing {}

  private record Frame(byte[] bytes) implements Outgoing {}

  private record Upload(Block block) implements Outgoing {}

  private static final Outgoing CLOSE = new Frame(new byte[0]);
  private static final int READ_BUFFER = 256 << 10;
  private static final int WRITE_BATCH = 64 << 10;

  private final PeerTransport transport;
  private final TokenBucket downloadBucket;
  private final TokenBucket uploadBucket;
  private final Supplier<PieceStorage> storage;
  private final LinkedBlockingDeque<Outgoing> outgoing = new LinkedBlockingDeque<>();
  private final RateMeter downloadRate = RateMeter.fiveSeconds();
  private final RateMeter uploadRate = RateMeter.fiveSeconds();
  private final AtomicBoolean closeReported = new AtomicBoolean();
  private volatile Handler handler;
  private volatile boolean closed;
  private volatile long lastReceivedNanos = System.nanoTime();
  private volatile long lastSentNanos = System.nanoTime();

  /**
   * @param storage where uploads are read from (it changes when finished data is moved)
   */
  PeerConnection(
      PeerTransport transport,
      TokenBucket downloadBucket,
      TokenBucket uploadBucket,
      Supplier<PieceStorage> storage) {
    this.transport = transport;
    this.downloadBucket = downloadBucket;
    this.uploadBucket = uploadBucket;
    this.storage = storage;
  }

  /** Starts the reader and the writer; a connection closed before has its handler told at once. */
  void start(Executor threads, Handler handler) {
    this.handler = handler;
    if (closed) {
      reportClosed();
      return;
    }
    threads.execute(named("peer-read " + transport.remoteAddress(), this::readLoop));
    threads.execute(named("peer-write " + transport.remoteAddress(), this::writeLoop));
  }

  private static Runnable named(String name, Runnable task) {
    return () -> {
      Thread.currentThread().setName(name);
      task.run();
    };
  }

  @Override
  public void send(PeerMessage message) {
    if (!closed) {
      outgoing.add(new Frame(PeerMessageCodec.encode(message)));
    }
  }

  @Override
  public void queueUpload(Block block) {
    if (!closed) {
      outgoing.add(new Upload(block));
    }
  }

  @Override
  public void dropQueuedUploads(Block block) {
    outgoing.removeIf(
        item -> item instanceof Upload upload && (block == null || upload.block().equals(block)));
  }

  @Override
  public double downloadRate() {
    return downloadRate.rate();
  }

  @Override
  public double uploadRate() {
    return uploadRate.rate();
  }

  @Override
  public long lastReceivedNanos() {
    return lastReceivedNanos;
  }

  @Override
  public long lastSentNanos() {
    return lastSentNanos;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public boolean isAuthenticated() {
    return transport.isAuthenticated();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    outgoing.clear();
    outgoing.add(CLOSE);
    transport.close();
    reportClosed();
  }

  private void reportClosed() {
    Handler current = handler;
    if (current != null && closeReported.compareAndSet(false, true)) {
      current.closed();
    }
  }

  private void readLoop() {
    FrameReader frames = new FrameReader(transport, READ_BUFFER, true);
    try {
      while (!closed) {
        ByteBuffer frame = frames.next();
        lastReceivedNanos = System.nanoTime();
        if (frame.remaining() == PeerMessageCodec.PREFIX_LENGTH) {
          continue; // keep-alive
        }
        int id = frame.get(PeerMessageCodec.PREFIX_LENGTH) & 0xFF;
        if (id == PeerMessageCodec.PIECE) {
          PeerMessageCodec.BlockHeader header = PeerMessageCodec.decodePieceHeader(frame);
          downloadBucket.acquire(header.blockLength());
          downloadRate.add(header.blockLength());
          ByteBuffer block =
              frame.slice(
                  PeerMessageCodec.PREFIX_LENGTH + PeerMessageCodec.PIECE_HEADER_LENGTH,
                  header.blockLength());
          handler.onBlock(header.pieceIndex(), header.begin(), block);
        } else {
          handler.onMessage(PeerMessageCodec.decode(frame));
        }
      }
    } catch (PeerWireException e) {
      handler.dropped(e.getMessage());
    } catch (IOException e) {
      // The peer went away or the watchdog closed an idle socket.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      handler.dropped("after an error: " + e);
    } finally {
      close();
    }
  }

  private void writeLoop() {
    ByteBuffer batch = ByteBuffer.allocateDirect(WRITE_BATCH);
    ByteBuffer header =
        ByteBuffer.allocate(PeerMessageCodec.PREFIX_LENGTH + PeerMessageCodec.PIECE_HEADER_LENGTH);
    try {
      while (!closed) {
        Outgoing item = outgoing.poll(1, TimeUnit.SECONDS);
        if (item == null || item == CLOSE) {
          continue;
        }
        if (item instanceof Upload upload) {
          sendBlock(upload.block(), header);
        } else {
          sendFrames((Frame) item, batch);
        }
      }
    } catch (IOException e) {
      // The peer went away; the reader notices too.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      close();
    }
  }

  /** Sends {@code first} and the frames queued behind it in one write of up to 64 KiB. */
  private void sendFrames(Frame first, ByteBuffer batch) throws IOException {
    batch.clear();
    List<Frame> frames = new ArrayList<>();
    frames.add(first);
    int size = first.bytes().length;
    Outgoing next;
    while ((next = outgoing.peek()) instanceof Frame frame
        && next != CLOSE
        && size + frame.bytes().length <= WRITE_BATCH) {
      frames.add((Frame) outgoing.poll());
      size += frame.bytes().length;
    }
    for (Frame frame : frames) {
      byte[] bytes = frame.bytes();
      if (bytes.length > batch.remaining()) {
        write(batch.flip());
        batch.clear();
      }
      if (bytes.length > batch.capacity()) {
        write(ByteBuffer.wrap(bytes));
      } else {
        batch.put(bytes);
      }
    }
    write(batch.flip());
  }

  // piece: <len=0009+n><id=7><index><begin><block>
  private void sendBlock(Block block, ByteBuffer header) throws IOException, InterruptedException {
    if (!handler.uploadAllowed(block)) {
      return;
    }
    uploadBucket.acquire(block.length());
    header.clear();
    PeerMessageCodec.encodePieceHeader(block.piece(), block.begin(), block.length(), header);
    write(header.flip());
    PieceStorage source = storage.get();
    transport.sendFileRegion(
        target -> source.transferTo(block.piece(), block.begin(), block.length(), target));
    lastSentNanos = System.nanoTime();
    uploadRate.add(block.length());
    handler.uploaded(block);
  }

  private void write(ByteBuffer buffer) throws IOException {
    transport.write(buffer);
    lastSentNanos = System.nanoTime();
  }

  @Override
  public String toString() {
    return transport.toString();
  }
}
