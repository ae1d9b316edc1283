package org.everseed.agent.hostile;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Random;

/** The poisoning seeder: answers every request the agent sends with random bytes. */
final class PoisonServer {

  private PoisonServer() {}

  /** Serves poison until the agent disconnects or {@code millis} pass; true if it disconnected. */
  static boolean serve(HostilePeer attacker, long millis) throws IOException {
    DataInputStream in = new DataInputStream(attacker.input());
    Random random = new Random(9);
    long deadline = System.nanoTime() + millis * 1_000_000;
    try {
      while (System.nanoTime() < deadline) {
        int length = in.readInt();
        if (length == 0) {
          continue;
        }
        byte[] message = new byte[length];
        in.readFully(message);
        if (message[0] == 6 && length == 13) { // request: answer it with garbage
          int piece = readInt(message, 1);
          int begin = readInt(message, 5);
          byte[] block = new byte[readInt(message, 9)];
          random.nextBytes(block);
          attacker.piece(piece, begin, block);
        }
      }
      return false;
    } catch (java.io.EOFException | SocketException | SocketTimeoutException e) {
      return true;
    }
  }

  private static int readInt(byte[] bytes, int at) {
    return ((bytes[at] & 0xFF) << 24)
        | ((bytes[at + 1] & 0xFF) << 16)
        | ((bytes[at + 2] & 0xFF) << 8)
        | (bytes[at + 3] & 0xFF);
  }
}
