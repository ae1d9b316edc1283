package org.everseed.agent.swarm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.everseed.agent.storage.PieceStorage;
import org.everseed.api.metainfo.Metainfo;

/**
 * Checks pieces against the torrent's SHA-1 hashes and writes the good ones to storage, whole and
 * once: pieces assembled from peers (on the hashing threads), pieces from the web seed (on the
 * fetching thread), and at start the pieces already on disk. Nothing unverified reaches the disk.
 * Never takes the session's lock itself; the outcome goes to {@link Results}.
 */
final class PieceVerifier {

  /** What becomes of a verified or failed piece. */
  interface Results {

    /** Whether the piece is verified already (from another source): then it is not written. */
    boolean alreadyHave(int piece);

    /** The piece is verified and written; {@code data} is what was written. */
    void verified(int piece, byte[] data);

    /** Writing the verified piece failed; it must be fetched again. */
    void writeFailed(int piece, IOException e);

    /**
     * The piece failed its hash check.
     *
     * @param senders the peer that sent each block (empty from the web seed)
     */
    void failed(int piece, byte[] data, List<Peer> senders, boolean fromWebSeed);
  }

  private final Metainfo torrent;
  private final Supplier<PieceStorage> storage;
  private final ExecutorService hashing;
  private final Results results;

  PieceVerifier(
      Metainfo torrent, Supplier<PieceStorage> storage, ExecutorService hashing, Results results) {
    this.torrent = torrent;
    this.storage = storage;
    this.hashing = hashing;
    this.results = results;
  }

  /** Verifies and stores an assembled piece on a hashing thread. */
  void submit(PieceAssembly.Assembled piece) {
    hashing.execute(() -> verifyAndStore(piece.piece(), piece.data(), piece.senders(), false));
  }

  /** Verifies and stores a piece on the calling thread. */
  void verifyAndStore(int piece, byte[] data, List<Peer> senders, boolean fromWebSeed) {
    if (!torrent.pieceHashEquals(piece, sha1(data))) {
      results.failed(piece, data, senders, fromWebSeed);
      return;
    }
    if (results.alreadyHave(piece)) {
      return;
    }
    try {
      storage.get().writePiece(piece, ByteBuffer.wrap(data));
    } catch (IOException e) {
      results.writeFailed(piece, e);
      return;
    }
    results.verified(piece, data);
  }

  /** Which of the {@code claimed} pieces are on disk and match their hash, checked in parallel. */
  BitSet verifyOnDisk(BitSet claimed) throws InterruptedException {
    BitSet verified = new BitSet();
    List<Future<Boolean>> checks = new ArrayList<>();
    List<Integer> order = new ArrayList<>();
    claimed.stream()
        .filter(piece -> piece < torrent.pieceCount())
        .forEach(
            piece -> {
              order.add(piece);
              checks.add(hashing.submit(() -> onDiskMatches(piece)));
            });
    for (int i = 0; i < checks.size(); i++) {
      try {
        if (checks.get(i).get()) {
          verified.set(order.get(i));
        }
      } catch (ExecutionException e) {
        // An unreadable piece is simply not verified and is fetched again.
      }
    }
    return verified;
  }

  private boolean onDiskMatches(int piece) throws IOException {
    ByteBuffer data = ByteBuffer.allocate(torrent.pieceSize(piece));
    storage.get().read(piece, 0, data);
    return torrent.pieceHashEquals(piece, sha1(data.array()));
  }

  private static byte[] sha1(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-1", e);
    }
  }
}
