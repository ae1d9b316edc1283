package org.everseed.agent.swarm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.everseed.agent.AgentConfig;
import org.everseed.agent.TestPayloads;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.metainfo.TorrentCreator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PieceAssemblyTest {

  @TempDir Path temp;

  @Test
  void aPieceIsHandedOnWhenItsLastBlockArrivesWithEveryContributor() throws Exception {
    Metainfo torrent =
        TorrentCreator.of(TestPayloads.write(temp.resolve("data.bin"), 100_000, 3))
            .pieceLength(64 * 1024)
            .create();
    PiecePicker picker =
        new PiecePicker(
            torrent.pieceCount(),
            torrent.pieceLength(),
            torrent.totalLength(),
            AgentConfig.BLOCK_SIZE,
            0,
            new Random(1),
            16);
    PieceAssembly assembly = new PieceAssembly(torrent, picker);
    Peer a = PeerTest.peer(new RecordingWire(), true, false);
    Peer b = PeerTest.peer(new RecordingWire(), true, false);
    BitSet all = new BitSet();
    all.set(0, torrent.pieceCount());
    List<Block> picked = picker.pick(all, 10, Set.of(), a);
    int chosen = picked.get(0).piece();
    List<Block> blocks = picked.stream().filter(block -> block.piece() == chosen).toList();
    assertEquals(picker.blockCount(chosen), blocks.size());
    byte[] expected = new byte[torrent.pieceSize(blocks.get(0).piece())];
    new Random(7).nextBytes(expected);
    for (int i = 0; i < blocks.size(); i++) {
      Block block = blocks.get(i);
      ByteBuffer data = ByteBuffer.wrap(expected, block.begin(), block.length());
      assertTrue(assembly.add(i == 0 ? b : a, block, data));
      assertFalse(assembly.add(a, block, data), "a duplicate is not taken");
      if (i < blocks.size() - 1) {
        assertTrue(assembly.takeIfComplete(block.piece()).isEmpty());
      }
    }
    PieceAssembly.Assembled piece = assembly.takeIfComplete(blocks.get(0).piece()).orElseThrow();
    assertArrayEquals(expected, piece.data());
    assertEquals(Set.of(a, b), piece.contributors());
  }

  @Test
  void aBlockOfTheWrongLengthIsNotTaken() throws Exception {
    Metainfo torrent =
        TorrentCreator.of(TestPayloads.write(temp.resolve("data.bin"), 70_000, 4))
            .pieceLength(64 * 1024)
            .create();
    PiecePicker picker =
        new PiecePicker(
            torrent.pieceCount(),
            torrent.pieceLength(),
            torrent.totalLength(),
            AgentConfig.BLOCK_SIZE,
            0,
            new Random(1),
            16);
    PieceAssembly assembly = new PieceAssembly(torrent, picker);
    Peer a = PeerTest.peer(new RecordingWire(), true, false);
    assertFalse(assembly.add(a, new Block(0, 0, 1000), ByteBuffer.allocate(1000)));
    assertFalse(assembly.add(a, new Block(0, 100, 16384), ByteBuffer.allocate(16384)));
  }
}
