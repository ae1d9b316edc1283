package org.everseed.agent.swarm;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.everseed.agent.AgentConfig;

/**
 * Who sent the bad blocks of a piece that failed its hash check while several peers contributed to
 * it: the failure is remembered block by block (sender and SHA-1 of what it sent), and when the
 * piece later passes, every sender whose block differs from the verified data is the culprit.
 * Innocent co-contributors are never blamed; the piece's parole (its next try comes from one peer)
 * makes sure it passes or pins a sole contributor. At most {@link #MAX_REMEMBERED} failures are
 * remembered per torrent, the oldest forgotten first. Guarded by the session's lock.
 */
final class BlockBlame {

  /** Failed pieces remembered at once. */
  static final int MAX_REMEMBERED = 64;

  private record Sent(Peer sender, byte[] sha1) {}

  private final Map<Integer, List<Sent>> failures =
      new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<Sent>> eldest) {
          return size() > MAX_REMEMBERED;
        }
      };

  /**
   * Remembers a failed piece's blocks.
   *
   * @param senders the peer that sent each block, by block index
   */
  void failed(int piece, byte[] data, List<Peer> senders) {
    List<Sent> blocks = new ArrayList<>(senders.size());
    for (int block = 0; block < senders.size(); block++) {
      blocks.add(new Sent(senders.get(block), sha1(blockOf(data, block))));
    }
    failures.put(piece, blocks);
  }

  /**
   * The piece passed: the peers whose remembered blocks differ from {@code data}, each once.
   * Forgets the piece.
   */
  Set<Peer> verified(int piece, byte[] data) {
    List<Sent> blocks = failures.remove(piece);
    Set<Peer> culprits = new LinkedHashSet<>();
    if (blocks == null) {
      return culprits;
    }
    for (int block = 0; block < blocks.size(); block++) {
      Sent sent = blocks.get(block);
      if (sent.sender() != null && !Arrays.equals(sent.sha1(), sha1(blockOf(data, block)))) {
        culprits.add(sent.sender());
      }
    }
    return culprits;
  }

  /** Failed pieces remembered now. */
  int remembered() {
    return failures.size();
  }

  private static byte[] blockOf(byte[] data, int block) {
    int from = block * AgentConfig.BLOCK_SIZE;
    return Arrays.copyOfRange(data, from, Math.min(data.length, from + AgentConfig.BLOCK_SIZE));
  }

  private static byte[] sha1(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-1", e);
    }
  }
}
