package org.everseed.agent.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.List;
import org.everseed.agent.Agent;
import org.everseed.agent.TestPayloads;
import org.everseed.agent.storage.FileStorage;
import org.everseed.agent.storage.PieceStorage;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.metainfo.TorrentCreator;
import org.everseed.api.wire.PeerAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A seeder whose disk returns damaged data is banned; the download completes from a good one. */
class CorruptingPeerTest {

  /** Storage that flips one byte of every block it sends, as a failing disk or a hostile peer. */
  private static final class CorruptingStorage implements PieceStorage {
    private final PieceStorage real;

    CorruptingStorage(PieceStorage real) {
      this.real = real;
    }

    @Override
    public void writePiece(int piece, ByteBuffer data) throws IOException {
      real.writePiece(piece, data);
    }

    @Override
    public void read(int piece, int begin, ByteBuffer destination) throws IOException {
      real.read(piece, begin, destination);
    }

    @Override
    public void transferTo(int piece, int begin, int length, WritableByteChannel target)
        throws IOException {
      ByteBuffer block = ByteBuffer.allocate(length);
      real.read(piece, begin, block);
      block.put(0, (byte) (block.get(0) ^ 0x5A));
      block.flip();
      while (block.hasRemaining()) {
        target.write(block);
      }
    }

    @Override
    public void flush() throws IOException {
      real.flush();
    }

    @Override
    public void close() throws IOException {
      real.close();
    }
  }

  @TempDir Path temp;

  @Test
  @Timeout(60)
  void corruptingPeerIsBannedAndTheDownloadStillCompletesCorrectly() throws Exception {
    Path source = TestPayloads.write(temp.resolve("seed/data.bin"), 4_000_000, 5);
    Metainfo torrent = TorrentCreator.of(source).pieceLength(128 * 1024).create();
    try (Agent bad = Agent.start(TestPayloads.loopbackConfig());
        Agent good = Agent.start(TestPayloads.loopbackConfig());
        Agent leecher = Agent.start(TestPayloads.loopbackConfig())) {
      bad.add(
          torrent,
          new CorruptingStorage(FileStorage.openForSeeding(torrent, temp.resolve("seed"))),
          null,
          SessionListener.NONE,
          true);
      good.seed(torrent, temp.resolve("seed"), SessionListener.NONE);
      TorrentSession download =
          leecher.download(
              torrent,
              temp.resolve("leech"),
              temp.resolve("leech.resume"),
              TestPayloads.printingListener("leecher"));
      // The bad peer alone first, so it is the one to blame for every failed piece.
      download.addPeers(List.of(loopback(bad.listenPort())));
      while (download.stats().bannedPeers() == 0) {
        Thread.sleep(50);
      }
      download.addPeers(List.of(loopback(good.listenPort())));
      TestPayloads.awaitCompletion(download, 50);

      assertEquals(
          TestPayloads.sha256(source), TestPayloads.sha256(temp.resolve("leech/data.bin")));
      SessionStats stats = download.stats();
      assertEquals(1, stats.bannedPeers());
      assertTrue(stats.hashFailures() >= 2, stats.toString());
    }
  }

  private static PeerAddress loopback(int port) {
    return new PeerAddress(InetAddress.getLoopbackAddress(), port);
  }
}
