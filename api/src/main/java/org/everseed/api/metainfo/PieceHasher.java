package org.everseed.api.metainfo;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Turns a stream of content bytes into the SHA-1 piece hashes of a torrent, hashing on several
 * threads while the caller keeps reading or receiving.
 *
 * <p>Bytes are copied into batches of whole pieces (a few MiB, so reads are large and sequential);
 * each full batch is hashed on a worker, one {@link MessageDigest} per worker thread. A fixed set
 * of batch buffers bounds memory: when all are being hashed, {@code update} waits. The same class
 * serves {@link TorrentCreator} (reading files) and the server's upload path (hashing bytes as they
 * are written to disk), so both produce identical pieces.
 *
 * <p>Not thread-safe: one producer feeds it, then calls {@link #finish()} once.
 */
public final class PieceHasher implements AutoCloseable {

  /** Batches aim at this size: large enough for efficient reads, small enough to spread work. */
  static final int TARGET_BATCH_BYTES = 4 << 20;

  private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(InfoHash::sha1);

  private static final ThreadLocal<byte[]> CHUNK =
      ThreadLocal.withInitial(() -> new byte[64 << 10]);

  private final int pieceLength;
  private final int batchBytes;
  private final ExecutorService executor;
  private final boolean ownsExecutor;
  private final BlockingQueue<ByteBuffer> freeBuffers;
  private final Semaphore inFlight;
  private final Deque<Future<byte[]>> pending = new ArrayDeque<>();
  private final HashOutput hashes = new HashOutput();
  private final AtomicLong bytesHashed = new AtomicLong();
  private final LongConsumer progress;
  private ByteBuffer current;
  private long bytesConsumed;
  private boolean finished;

  /**
   * A hasher on its own {@code threads} worker threads, shut down by {@link #close()}.
   *
   * @param progress told the total bytes hashed so far each time a batch is done, from worker
   *     threads
   */
  public static PieceHasher withThreads(int pieceLength, int threads, LongConsumer progress) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be positive, got " + threads);
    }
    ExecutorService executor = Executors.newFixedThreadPool(threads, new WorkerThreads());
    return new PieceHasher(pieceLength, executor, threads, true, progress);
  }

  /**
   * A hasher on a shared executor (e.g. a container's managed executor), which the caller owns.
   *
   * @param parallelism how many batches may be hashed at once, about the executor's size
   */
  public static PieceHasher onExecutor(
      int pieceLength, ExecutorService executor, int parallelism, LongConsumer progress) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be positive, got " + parallelism);
    }
    return new PieceHasher(pieceLength, executor, parallelism, false, progress);
  }

  private PieceHasher(
      int pieceLength,
      ExecutorService executor,
      int parallelism,
      boolean ownsExecutor,
      LongConsumer progress) {
    PieceLength.check(pieceLength);
    this.pieceLength = pieceLength;
    this.batchBytes = Math.max(1, TARGET_BATCH_BYTES / pieceLength) * pieceLength;
    this.executor = executor;
    this.ownsExecutor = ownsExecutor;
    this.progress = progress;
    // One batch per worker, one being filled, one spare so reading overlaps hashing.
    int buffers = parallelism + 2;
    this.freeBuffers = new ArrayBlockingQueue<>(buffers);
    this.inFlight = new Semaphore(buffers);
    for (int i = 0; i < buffers; i++) {
      freeBuffers.add(ByteBuffer.allocateDirect(batchBytes));
    }
  }

  public int pieceLength() {
    return pieceLength;
  }

  /** Bytes fed so far. */
  public long bytesConsumed() {
    return bytesConsumed;
  }

  /** Feeds all remaining bytes of {@code data}. */
  public void update(ByteBuffer data) {
    checkOpen();
    while (data.hasRemaining()) {
      ByteBuffer batch = currentBatch();
      int n = Math.min(batch.remaining(), data.remaining());
      ByteBuffer slice = data.slice();
      slice.limit(n);
      batch.put(slice);
      data.position(data.position() + n);
      bytesConsumed += n;
      if (!batch.hasRemaining()) {
        submitCurrent();
      }
    }
  }

  public void update(byte[] data, int offset, int length) {
    update(ByteBuffer.wrap(data, offset, length));
  }

  public void update(byte[] data) {
    update(data, 0, data.length);
  }

  /**
   * Feeds all remaining bytes of {@code data} without copying what it can: whole batches are hashed
   * straight from it by the workers. The hasher reads {@code data} until {@link #finish()} returns,
   * so its content must not change until then, which a read-only mapping of a file ensures ({@link
   * TorrentCreator} passes one). Falls back to copying for a partly filled batch and for the tail.
   */
  public void updateInPlace(ByteBuffer data) {
    checkOpen();
    while (data.hasRemaining()) {
      if (current == null && data.remaining() >= batchBytes) {
        ByteBuffer batch = data.slice(data.position(), batchBytes);
        data.position(data.position() + batchBytes);
        bytesConsumed += batchBytes;
        submit(batch, false);
      } else {
        ByteBuffer batch = currentBatch();
        int n = Math.min(batch.remaining(), data.remaining());
        batch.put(data.slice(data.position(), n));
        data.position(data.position() + n);
        bytesConsumed += n;
        if (!batch.hasRemaining()) {
          submitCurrent();
        }
      }
    }
  }

  /**
   * Reads {@code channel} to its end straight into the batch buffers (no intermediate copy).
   *
   * @return the number of bytes read
   */
  public long readFrom(ReadableByteChannel channel) throws IOException {
    checkOpen();
    long total = 0;
    while (true) {
      ByteBuffer batch;
      try {
        batch = currentBatch();
      } catch (CancellationException e) {
        throw new InterruptedIOException("interrupted while waiting for a free hashing buffer");
      }
      int n = channel.read(batch);
      if (n < 0) {
        return total;
      }
      total += n;
      bytesConsumed += n;
      if (!batch.hasRemaining()) {
        submitCurrent();
      }
    }
  }

  /**
   * Hashes what is left (the last piece may be short), waits for all workers and returns the
   * concatenated 20-byte hashes of every piece, the {@code pieces} value of the info dictionary.
   */
  public byte[] finish() {
    checkOpen();
    finished = true;
    if (current != null && current.position() > 0) {
      submitCurrent();
    }
    while (!pending.isEmpty()) {
      hashes.write(await(pending.removeFirst()));
    }
    return hashes.toByteArray();
  }

  /** Stops the worker threads if this hasher owns them. */
  @Override
  public void close() {
    finished = true;
    if (ownsExecutor) {
      executor.shutdownNow();
    }
  }

  private void checkOpen() {
    if (finished) {
      throw new IllegalStateException("this piece hasher is finished");
    }
  }

  private ByteBuffer currentBatch() {
    if (current == null) {
      try {
        current = freeBuffers.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancellationException("interrupted while waiting for a free hashing buffer");
      }
      current.clear();
    }
    return current;
  }

  private void submitCurrent() {
    ByteBuffer batch = current;
    current = null;
    batch.flip();
    submit(batch, true);
  }

  private void submit(ByteBuffer batch, boolean pooled) {
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      if (pooled) {
        freeBuffers.add(batch);
      }
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for a hashing thread");
    }
    pending.addLast(executor.submit(() -> hashBatch(batch, pooled)));
    // Collect finished batches in order so pending work stays about as long as the buffer set.
    while (!pending.isEmpty() && pending.peekFirst().isDone()) {
      hashes.write(await(pending.removeFirst()));
    }
  }

  private byte[] hashBatch(ByteBuffer batch, boolean pooled) {
    try {
      MessageDigest sha1 = SHA1.get();
      int length = batch.remaining();
      int count = (int) PieceLength.pieceCount(length, pieceLength);
      byte[] out = new byte[count * InfoHash.LENGTH];
      for (int piece = 0; piece < count; piece++) {
        int start = piece * pieceLength;
        digest(sha1, batch, start, Math.min(start + pieceLength, length));
        sha1.digest(out, piece * InfoHash.LENGTH, InfoHash.LENGTH);
      }
      long done = bytesHashed.addAndGet(length);
      if (progress != null) {
        progress.accept(done);
      }
      return out;
    } catch (DigestException e) {
      throw new IllegalStateException("a 20-byte output always fits a SHA-1 digest", e);
    } finally {
      if (pooled) {
        freeBuffers.add(batch);
      }
      inFlight.release();
    }
  }

  /**
   * Feeds {@code batch[from, to)} to {@code sha1}. Off-heap bytes go through a per-thread array in
   * 64 KiB chunks (cache-sized) because the JDK's SHA-1 intrinsic only reads arrays; passing the
   * buffer itself would copy in 4 KiB steps through a slower, later-compiled path.
   */
  private static void digest(MessageDigest sha1, ByteBuffer batch, int from, int to) {
    if (batch.hasArray()) {
      sha1.update(batch.array(), batch.arrayOffset() + from, to - from);
      return;
    }
    byte[] chunk = CHUNK.get();
    for (int position = from; position < to; position += chunk.length) {
      int length = Math.min(chunk.length, to - position);
      batch.get(position, chunk, 0, length);
      sha1.update(chunk, 0, length);
    }
  }

  private static byte[] await(Future<byte[]> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for piece hashes");
    } catch (ExecutionException e) {
      throw new IllegalStateException("hashing a batch of pieces failed", e.getCause());
    }
  }

  /** Grows like a ByteArrayOutputStream without its synchronization. */
  private static final class HashOutput {
    private byte[] bytes = new byte[InfoHash.LENGTH * 64];
    private int size;

    void write(byte[] chunk) {
      if (size + chunk.length > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + chunk.length));
      }
      System.arraycopy(chunk, 0, bytes, size, chunk.length);
      size += chunk.length;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(bytes, size);
    }
  }

  private static final class WorkerThreads implements ThreadFactory {
    private static final AtomicInteger COUNT = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "everseed-hash-" + COUNT.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
