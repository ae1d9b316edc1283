package org.everseed.agent.peer;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.everseed.api.wire.PeerMessageCodec;
import org.everseed.api.wire.PeerWireException;

/**
 * Cuts length-prefixed peer wire frames off a transport, through one reusable buffer: most frames
 * are views into it, valid until the next call; a frame larger than the buffer (a big bitfield or
 * extension message) gets its own. Declared lengths beyond the reader's limit (at most {@link
 * PeerMessageCodec#MAX_MESSAGE_LENGTH}) are refused before anything is allocated.
 *
 * <pre>
 * frame: &lt;length: 4 bytes big-endian&gt;&lt;id: 1 byte&gt;&lt;payload: length - 1 bytes&gt;   (length 0 = keep-alive)
 * </pre>
 */
public final class FrameReader {

  private final PeerTransport transport;
  private final ByteBuffer buffer;
  private final int maxMessageLength;

  /**
   * @param direct a direct buffer (for socket reads without a copy) or a heap one
   */
  public FrameReader(PeerTransport transport, int bufferSize, boolean direct) {
    this(transport, bufferSize, direct, PeerMessageCodec.MAX_MESSAGE_LENGTH);
  }

  /**
   * @param maxMessageLength the longest message taken (length prefix excluded); a peer declaring
   *     more is refused
   */
  public FrameReader(
      PeerTransport transport, int bufferSize, boolean direct, int maxMessageLength) {
    this.transport = transport;
    this.maxMessageLength = Math.min(maxMessageLength, PeerMessageCodec.MAX_MESSAGE_LENGTH);
    this.buffer = direct ? ByteBuffer.allocateDirect(bufferSize) : ByteBuffer.allocate(bufferSize);
    buffer.flip();
  }

  /**
   * The next frame, length prefix included (a keep-alive is the bare 4-byte prefix).
   *
   * @throws EOFException when the peer closed the connection
   * @throws PeerWireException when the declared length is out of range
   */
  public ByteBuffer next() throws IOException {
    fill(PeerMessageCodec.PREFIX_LENGTH);
    int length = PeerMessageCodec.peekMessageLength(buffer);
    if (length > maxMessageLength) {
      throw new PeerWireException(
          "declared message length " + length + " exceeds this connection's " + maxMessageLength);
    }
    int frameSize = PeerMessageCodec.PREFIX_LENGTH + length;
    if (frameSize > buffer.capacity()) {
      return readLarge(frameSize);
    }
    fill(frameSize);
    ByteBuffer frame = buffer.slice(buffer.position(), frameSize);
    buffer.position(buffer.position() + frameSize);
    return frame;
  }

  private void fill(int needed) throws IOException {
    if (buffer.remaining() >= needed) {
      return;
    }
    buffer.compact();
    while (buffer.position() < needed) {
      if (transport.read(buffer) < 0) {
        throw new EOFException();
      }
    }
    buffer.flip();
  }

  private ByteBuffer readLarge(int frameSize) throws IOException {
    ByteBuffer frame = ByteBuffer.allocate(frameSize);
    int buffered = Math.min(buffer.remaining(), frameSize);
    frame.put(buffer.slice(buffer.position(), buffered));
    buffer.position(buffer.position() + buffered);
    while (frame.hasRemaining()) {
      if (transport.read(frame) < 0) {
        throw new EOFException();
      }
    }
    return frame.flip();
  }
}
