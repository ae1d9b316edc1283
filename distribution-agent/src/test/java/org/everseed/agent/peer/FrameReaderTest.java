package org.everseed.agent.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.everseed.api.wire.PeerMessageCodec;
import org.everseed.api.wire.PeerWireException;
import org.junit.jupiter.api.Test;

class FrameReaderTest {

  static byte[] bytes(ByteBuffer frame) {
    byte[] out = new byte[frame.remaining()];
    frame.duplicate().get(out);
    return out;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  // keep-alive: <len=0000>; have: <len=0005><id=4><piece index>; unchoke: <len=0001><id=1>
  static final byte[] KEEP_ALIVE = {0, 0, 0, 0};
  static final byte[] HAVE_7 = {0, 0, 0, 5, 4, 0, 0, 0, 7};
  static final byte[] UNCHOKE = {0, 0, 0, 1, 1};

  @Test
  void framesSplitAcrossReadsComeOutWhole() throws IOException {
    ScriptedTransport transport =
        new ScriptedTransport(concat(KEEP_ALIVE, HAVE_7, UNCHOKE), 1, true);
    FrameReader frames = new FrameReader(transport, 16, false);
    assertArrayEquals(KEEP_ALIVE, bytes(frames.next()));
    assertArrayEquals(HAVE_7, bytes(frames.next()));
    assertArrayEquals(UNCHOKE, bytes(frames.next()));
    assertThrows(EOFException.class, frames::next);
  }

  @Test
  void aFrameLargerThanTheBufferGetsItsOwn() throws IOException {
    byte[] payload = new byte[100];
    payload[0] = 20; // extended
    for (int i = 1; i < payload.length; i++) {
      payload[i] = (byte) i;
    }
    byte[] large = concat(new byte[] {0, 0, 0, 100}, payload);
    FrameReader frames =
        new FrameReader(new ScriptedTransport(concat(UNCHOKE, large, HAVE_7), 13, true), 16, true);
    assertArrayEquals(UNCHOKE, bytes(frames.next()));
    assertArrayEquals(large, bytes(frames.next()));
    assertArrayEquals(HAVE_7, bytes(frames.next()));
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedBeforeReadingIt() {
    int tooLong = PeerMessageCodec.MAX_MESSAGE_LENGTH + 1;
    byte[] header = ByteBuffer.allocate(4).putInt(tooLong).array();
    FrameReader frames = new FrameReader(new ScriptedTransport(header, 4, true), 16, false);
    assertThrows(PeerWireException.class, frames::next);
  }

  @Test
  void theStreamEndingInsideAFrameIsAnEof() {
    FrameReader frames =
        new FrameReader(new ScriptedTransport(new byte[] {0, 0, 0, 5, 4, 0}, 2, true), 16, false);
    assertThrows(EOFException.class, frames::next);
  }

  @Test
  void manyFramesThroughASmallBuffer() throws IOException {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    for (int i = 0; i < 50; i++) {
      stream.writeBytes(HAVE_7);
    }
    FrameReader frames =
        new FrameReader(new ScriptedTransport(stream.toByteArray(), 5, true), 12, false);
    for (int i = 0; i < 50; i++) {
      assertEquals(9, frames.next().remaining());
    }
  }
}
