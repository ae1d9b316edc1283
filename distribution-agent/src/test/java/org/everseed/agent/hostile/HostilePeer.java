package org.everseed.agent.hostile;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.everseed.api.metainfo.InfoHash;

/**
 * The scripted attacker: a raw socket to the agent under test that speaks just enough of the peer
 * wire to misbehave. Its receive buffer is small, so when it stops reading the agent's writes block
 * soon.
 */
final class HostilePeer implements AutoCloseable {

  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;

  private HostilePeer(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.in = socket.getInputStream();
  }

  static HostilePeer connect(int port) throws IOException {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(4096);
    socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
    socket.setSoTimeout(15_000);
    return new HostilePeer(socket);
  }

  // handshake: <19><"BitTorrent protocol"><reserved: BEP 10 bit, BEP 6 bit><info hash><peer id>
  void handshake(InfoHash infoHash, String peerId) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(68);
    bytes.put((byte) 19).put("BitTorrent protocol".getBytes(StandardCharsets.US_ASCII));
    bytes.put(new byte[] {0, 0, 0, 0, 0, 0x10, 0, 0x04});
    bytes.put(infoHash.bytes()).put(peerId.getBytes(StandardCharsets.US_ASCII));
    out.write(bytes.array());
    out.flush();
  }

  /** Reads the agent's 68-byte handshake answer; false if it closed instead. */
  boolean readHandshake() throws IOException {
    byte[] answer = new byte[68];
    try {
      new DataInputStream(in).readFully(answer);
      return true;
    } catch (java.io.EOFException | SocketException e) {
      return false;
    }
  }

  /** One message: &lt;length&gt;&lt;id&gt;&lt;payload&gt;. */
  void send(int id, byte[] payload) throws IOException {
    out.write(
        ByteBuffer.allocate(5 + payload.length)
            .putInt(1 + payload.length)
            .put((byte) id)
            .put(payload)
            .array());
    out.flush();
  }

  /** A bare length prefix, as if a message that long followed. */
  void sendLengthPrefix(int length) throws IOException {
    out.write(ByteBuffer.allocate(4).putInt(length).array());
    out.flush();
  }

  void sendRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  // request: <len=0013><id=6><index><begin><length>
  void request(int piece, int begin, int length) throws IOException {
    send(6, ByteBuffer.allocate(12).putInt(piece).putInt(begin).putInt(length).array());
  }

  // piece: <len=0009+n><id=7><index><begin><block>
  void piece(int piece, int begin, byte[] block) throws IOException {
    send(7, ByteBuffer.allocate(8 + block.length).putInt(piece).putInt(begin).put(block).array());
  }

  // extended: <len><id=20><extended id><payload>
  void extended(int extendedId, String payload) throws IOException {
    byte[] bytes = payload.getBytes(StandardCharsets.US_ASCII);
    send(20, ByteBuffer.allocate(1 + bytes.length).put((byte) extendedId).put(bytes).array());
  }

  /**
   * Reads and throws away what the agent sends until it closes the connection or {@code millis}
   * pass.
   *
   * @return whether the agent closed it
   */
  boolean drainUntilClosed(long millis) throws IOException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    byte[] buffer = new byte[64 * 1024];
    while (System.nanoTime() < deadline) {
      socket.setSoTimeout((int) Math.max(1, Math.min(500, (deadline - System.nanoTime()) / 1e6)));
      try {
        if (in.read(buffer) < 0) {
          return true;
        }
      } catch (SocketTimeoutException e) {
        // Still open.
      } catch (SocketException e) {
        return true; // reset
      }
    }
    return false;
  }

  InputStream input() {
    return in;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
