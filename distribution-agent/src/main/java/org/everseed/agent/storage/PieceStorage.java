package org.everseed.agent.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * Where a torrent's pieces live. Offsets are within a piece; the implementation maps them onto
 * files. Implementations are thread-safe: many peers read at once while pieces are written.
 */
public interface PieceStorage extends AutoCloseable {

  /** Writes a whole verified piece. */
  void writePiece(int piece, ByteBuffer data) throws IOException;

  /** Fills {@code destination}'s remaining bytes from {@code begin} within {@code piece}. */
  void read(int piece, int begin, ByteBuffer destination) throws IOException;

  /**
   * Sends {@code length} bytes from {@code begin} within {@code piece} to {@code target}, straight
   * from the file where the platform allows it (sendfile).
   */
  void transferTo(int piece, int begin, int length, WritableByteChannel target) throws IOException;

  /** Forces written data to disk, so a resume file written afterwards never lies. */
  void flush() throws IOException;

  @Override
  void close() throws IOException;
}
