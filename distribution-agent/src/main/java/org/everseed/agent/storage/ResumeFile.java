package org.everseed.agent.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.Optional;
import org.everseed.api.bencode.BDictionary;
import org.everseed.api.bencode.BValue;
import org.everseed.api.bencode.BencodeDecoder;
import org.everseed.api.bencode.BencodeEncoder;
import org.everseed.api.bencode.BencodeException;
import org.everseed.api.metainfo.InfoHash;

/**
 * Which pieces of a download were verified and written, so a restart after a crash or {@code kill
 * -9} does not fetch them again. Written atomically: a temporary file is written and forced to
 * disk, then renamed over the old one, so a reader sees the old state or the new one, never half.
 *
 * <pre>
 * resume file: d
 *   info-hash  20 bytes
 *   pieces     integer   piece count
 *   verified   string    bitfield, bit 7 of byte 0 = piece 0
 * e
 * </pre>
 *
 * The file is only a hint: on start the session re-hashes every piece it claims, because the data
 * may have changed while the agent was down.
 */
public final class ResumeFile {

  private final Path path;

  public ResumeFile(Path path) {
    this.path = path;
  }

  public Path path() {
    return path;
  }

  public void write(InfoHash infoHash, int pieceCount, BitSet verified) throws IOException {
    byte[] bits = new byte[(pieceCount + 7) / 8];
    verified.stream()
        .filter(piece -> piece < pieceCount)
        .forEach(piece -> bits[piece >>> 3] |= (byte) (0x80 >>> (piece & 7)));
    byte[] encoded =
        BencodeEncoder.encode(
            BDictionary.builder()
                .put("info-hash", infoHash.bytes())
                .put("pieces", pieceCount)
                .put("verified", bits)
                .build());
    Files.createDirectories(path.toAbsolutePath().getParent());
    Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
    try (FileChannel channel =
        FileChannel.open(
            temporary,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.wrap(encoded);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    try {
      Files.move(
          temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * The verified pieces recorded for {@code infoHash}, or empty if there is no file, it is damaged,
   * or it belongs to another torrent.
   */
  public Optional<BitSet> read(InfoHash infoHash, int pieceCount) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      return Optional.empty();
    }
    try {
      BValue value = new BencodeDecoder().decode(bytes);
      if (!(value instanceof BDictionary root)
          || !InfoHash.of(root.getString("info-hash").bytes()).equals(infoHash)
          || root.getLong("pieces") != pieceCount) {
        return Optional.empty();
      }
      byte[] bits = root.getString("verified").bytes();
      if (bits.length != (pieceCount + 7) / 8) {
        return Optional.empty();
      }
      BitSet verified = new BitSet(pieceCount);
      for (int piece = 0; piece < pieceCount; piece++) {
        if ((bits[piece >>> 3] & (0x80 >>> (piece & 7))) != 0) {
          verified.set(piece);
        }
      }
      return Optional.of(verified);
    } catch (BencodeException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public void delete() throws IOException {
    Files.deleteIfExists(path);
  }
}
