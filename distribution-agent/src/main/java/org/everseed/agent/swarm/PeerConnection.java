package org.everseed.agent.swarm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
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
 *
 * <p>A hostile peer cannot grow the heap through it: messages longer than the torrent needs are
 * refused ({@link #messageLimit}), and the outgoing {@link SendQueue} holds at most {@link
 * #SEND_BUDGET} bytes. Past {@link #SEND_HIGH_WATERMARK} the reader stops reading the peer (whose
 * requests would queue answers) until the queue drains; a peer that does not read for {@link
 * #SEND_STALL_SECONDS} while we wait, or would take the queue beyond the budget, is dropped.
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

    /** The connection is dropped for an error, or because the peer does not read. */
    void dropped(String reason);

    /** The connection is dropped because the peer broke the protocol. */
    void violated(String reason);

    /** The connection closed, whoever closed it; called once. */
    void closed();
  }

  /** Heap bytes of encoded messages queued for one peer at most; beyond, the peer is dropped. */
  static final int SEND_BUDGET = 1 << 20;

  /** Past this many queued bytes the reader stops taking the peer's messages... */
  static final int SEND_HIGH_WATERMARK = 256 << 10;

  /** ... until the writer got the queue down to this many. */
  static final int SEND_LOW_WATERMARK = 64 << 10;

  /** A peer that does not take what we send for this long, while we wait for it, is dropped. */
  static final long SEND_STALL_SECONDS = 10;

  /**
   * Messages longer than this are refused, unless the torrent's bitfield needs more: our blocks are
   * 16 KiB, metadata pieces 16 KiB, every other message is small.
   */
  static final int MIN_MESSAGE_LIMIT = 64 << 10;

  private static final int READ_BUFFER = 256 << 10;
  static final int WRITE_BATCH = 64 << 10;

  private final PeerTransport transport;
  private final TokenBucket downloadBucket;
  private final TokenBucket uploadBucket;
  private final Supplier<PieceStorage> storage;
  private final int maxMessageLength;
  private final SendQueue outgoing =
      new SendQueue(SEND_BUDGET, SEND_HIGH_WATERMARK, SEND_LOW_WATERMARK);
  private final RateMeter downloadRate = RateMeter.fiveSeconds();
  private final RateMeter uploadRate = RateMeter.fiveSeconds();
  private final AtomicBoolean closeReported = new AtomicBoolean();
  private volatile Handler handler;
  private volatile boolean closed;
  private volatile long lastReceivedNanos = System.nanoTime();
  private volatile long lastSentNanos = System.nanoTime();

  /** The longest message a peer may send for a torrent of {@code pieceCount} pieces. */
  static int messageLimit(int pieceCount) {
    return Math.max(MIN_MESSAGE_LIMIT, 1 + PeerMessage.Bitfield.lengthFor(pieceCount));
  }

  /**
   * @param storage where uploads are read from (it changes when finished data is moved)
   */
  PeerConnection(
      PeerTransport transport,
      TokenBucket downloadBucket,
      TokenBucket uploadBucket,
      Supplier<PieceStorage> storage,
      int maxMessageLength) {
    this.transport = transport;
    this.downloadBucket = downloadBucket;
    this.uploadBucket = uploadBucket;
    this.storage = storage;
    this.maxMessageLength = maxMessageLength;
  }

  /** Starts the reader and the writer; a connection closed before has its handler told at once. */
  void start(Executor threads, Handler handler) {
    this.handler = handler;
    if (closed) {
      reportClosed();
      return;
    }
    // A pool that cannot take both threads closes the connection rather than leak its socket.
    if (!Tasks.tryExecute(threads, named("peer-read " + transport.remoteAddress(), this::readLoop))
        || !Tasks.tryExecute(
            threads, named("peer-write " + transport.remoteAddress(), this::writeLoop))) {
      close();
    }
  }

  private static Runnable named(String name, Runnable task) {
    return () -> {
      Thread.currentThread().setName(name);
      task.run();
    };
  }

  /** Queues a message; a peer whose queue would go beyond {@link #SEND_BUDGET} is dropped. */
  @Override
  public void send(PeerMessage message) {
    if (!closed && !outgoing.offer(new SendQueue.Frame(PeerMessageCodec.encode(message)))) {
      abort("its send queue would exceed " + SEND_BUDGET + " bytes");
    }
  }

  @Override
  public void queueUpload(Block block) {
    if (!closed) {
      outgoing.offer(new SendQueue.Upload(block));
    }
  }

  @Override
  public void dropQueuedUploads(Block block) {
    outgoing.removeUploads(queued -> block == null || queued.equals(block));
  }

  /** Bytes of messages waiting to be sent. */
  long queuedBytes() {
    return outgoing.queuedBytes();
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
    closed = true;
    outgoing.close();
    transport.close();
    reportClosed();
  }

  /**
   * Drops the peer from any thread, even one iterating the session's peers: the socket closes now,
   * the handler hears it closed on the reader or writer thread.
   */
  private void abort(String reason) {
    Handler current = handler;
    if (!closed && current != null) {
      current.dropped(reason);
    }
    closed = true;
    outgoing.close();
    transport.close();
  }

  private void reportClosed() {
    Handler current = handler;
    if (current != null && closeReported.compareAndSet(false, true)) {
      current.closed();
    }
  }

  private void readLoop() {
    FrameReader frames = new FrameReader(transport, READ_BUFFER, true, maxMessageLength);
    try {
      while (!closed) {
        if (!outgoing.awaitDrained(SEND_STALL_SECONDS, TimeUnit.SECONDS) && !closed) {
          handler.dropped(
              "it does not read what we send (" + outgoing.queuedBytes() + " bytes queued)");
          break;
        }
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
      handler.violated(e.getMessage());
    } catch (IOException e) {
      // The peer went away, the watchdog closed an idle socket, or the peer was aborted.
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
        SendQueue.Item item = outgoing.poll(1, TimeUnit.SECONDS);
        if (item instanceof SendQueue.Upload upload) {
          sendBlock(upload.block(), header);
        } else if (item instanceof SendQueue.Frame frame) {
          sendFrames(frame, batch);
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
  private void sendFrames(SendQueue.Frame first, ByteBuffer batch) throws IOException {
    batch.clear();
    List<SendQueue.Frame> frames = new ArrayList<>();
    frames.add(first);
    int size = first.bytes().length;
    SendQueue.Frame next;
    while ((next = outgoing.pollFrame(WRITE_BATCH - size)) != null) {
      frames.add(next);
      size += next.bytes().length;
    }
    for (SendQueue.Frame frame : frames) {
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
