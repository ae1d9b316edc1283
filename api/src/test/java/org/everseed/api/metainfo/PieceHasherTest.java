package org.everseed.api.metainfo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PieceHasherTest {

  private static final int PIECE = 16 << 10;

  /** The pieces string computed the obvious way, one piece at a time on one thread. */
  static byte[] referencePieces(byte[] content, int pieceLength) throws Exception {
    MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
    int count = (int) PieceLength.pieceCount(content.length, pieceLength);
    byte[] out = new byte[count * 20];
    for (int i = 0; i < count; i++) {
      int start = i * pieceLength;
      sha1.update(content, start, Math.min(pieceLength, content.length - start));
      System.arraycopy(sha1.digest(), 0, out, i * 20, 20);
    }
    return out;
  }

  static byte[] content(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  @Property(tries = 40)
  void anyChunkingGivesTheReferencePieces(
      @ForAll @IntRange(min = 1, max = 700_000) int length,
      @ForAll @IntRange(min = 1, max = 100_000) int chunk,
      @ForAll @IntRange(min = 1, max = 3) int threads)
      throws Exception {
    byte[] data = content(length, length);
    try (PieceHasher hasher = PieceHasher.withThreads(PIECE, threads, null)) {
      for (int offset = 0; offset < length; offset += chunk) {
        hasher.update(data, offset, Math.min(chunk, length - offset));
      }
      assertEquals(length, hasher.bytesConsumed());
      assertArrayEquals(referencePieces(data, PIECE), hasher.finish());
    }
  }

  @Test
  void exactMultipleOfThePieceLengthHasNoEmptyLastPiece() throws Exception {
    byte[] data = content(PIECE * 3, 1);
    try (PieceHasher hasher = PieceHasher.withThreads(PIECE, 2, null)) {
      hasher.update(ByteBuffer.wrap(data));
      byte[] pieces = hasher.finish();
      assertEquals(60, pieces.length);
      assertArrayEquals(referencePieces(data, PIECE), pieces);
    }
  }

  @Test
  void batchesSpanningManyPiecesAndDirectBuffers() throws Exception {
    // 16 KiB pieces are batched 256 to a buffer: this crosses several batch boundaries.
    byte[] data = content(PieceHasher.TARGET_BATCH_BYTES * 2 + 12_345, 2);
    ByteBuffer direct = ByteBuffer.allocateDirect(data.length);
    direct.put(data).flip();
    try (PieceHasher hasher = PieceHasher.withThreads(PIECE, 2, null)) {
      hasher.update(direct);
      assertArrayEquals(referencePieces(data, PIECE), hasher.finish());
    }
  }

  @Test
  void inPlaceBuffersMixedWithCopiedBytesGiveTheReferencePieces() throws Exception {
    // A short copied run leaves a partly filled batch, so the in-place data must top it up
    // before whole batches can be hashed straight from it, and its tail is copied again.
    byte[] data = content(PieceHasher.TARGET_BATCH_BYTES * 3 + 5_000, 5);
    ByteBuffer mapped = ByteBuffer.allocateDirect(data.length - 1_000);
    mapped.put(data, 1_000, data.length - 1_000).flip();
    try (PieceHasher hasher = PieceHasher.withThreads(PIECE, 2, null)) {
      hasher.update(data, 0, 1_000);
      hasher.updateInPlace(mapped.asReadOnlyBuffer());
      assertEquals(data.length, hasher.bytesConsumed());
      assertArrayEquals(referencePieces(data, PIECE), hasher.finish());
    }
    try (PieceHasher hasher = PieceHasher.withThreads(1 << 20, 2, null)) {
      ByteBuffer whole = ByteBuffer.allocateDirect(data.length).put(data).flip();
      hasher.updateInPlace(whole);
      assertArrayEquals(referencePieces(data, 1 << 20), hasher.finish());
    }
  }

  @Test
  void readsChannelsToTheirEndAndReportsProgress() throws Exception {
    byte[] data = content(1_000_000, 3);
    AtomicLong reported = new AtomicLong();
    try (PieceHasher hasher =
        PieceHasher.withThreads(64 << 10, 2, done -> reported.accumulateAndGet(done, Math::max))) {
      long read = hasher.readFrom(Channels.newChannel(new ByteArrayInputStream(data)));
      assertEquals(data.length, read);
      assertArrayEquals(referencePieces(data, 64 << 10), hasher.finish());
    }
    assertEquals(data.length, reported.get());
  }

  @Test
  void sharedExecutorIsLeftRunning() throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try {
      byte[] data = content(100_000, 4);
      try (PieceHasher hasher = PieceHasher.onExecutor(PIECE, executor, 2, null)) {
        hasher.update(data);
        assertArrayEquals(referencePieces(data, PIECE), hasher.finish());
      }
      assertEquals(Boolean.FALSE, executor.isShutdown());
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void finishedHasherRefusesMoreBytes() {
    try (PieceHasher hasher = PieceHasher.withThreads(PIECE, 1, null)) {
      hasher.update(new byte[10]);
      hasher.finish();
      assertThrows(IllegalStateException.class, () -> hasher.update(new byte[1]));
      assertThrows(IllegalStateException.class, hasher::finish);
    }
  }

  @Test
  void invalidPieceLengthIsRefused() {
    assertThrows(InvalidMetainfoException.class, () -> PieceHasher.withThreads(10_000, 1, null));
    assertThrows(IllegalArgumentException.class, () -> PieceHasher.withThreads(PIECE, 0, null));
  }
}
