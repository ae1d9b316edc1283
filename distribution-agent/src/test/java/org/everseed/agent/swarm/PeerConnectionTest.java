package org.everseed.agent.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.everseed.agent.bandwidth.TokenBucket;
import org.everseed.agent.peer.FrameReader;
import org.everseed.api.wire.PeerMessage;
import org.everseed.api.wire.PeerMessageCodec;
import org.everseed.api.wire.PeerWireException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 14: a peer that stops reading cannot grow the agent's heap through its send queue. */
class PeerConnectionTest {

  /** What a 16 KiB metadata answer costs in the queue. */
  private static final PeerMessage ANSWER = new PeerMessage.Extended(1, new byte[16 * 1024]);

  private static final int ANSWER_BYTES = PeerMessageCodec.encode(ANSWER).length;

  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  /** Records what the connection reports; answers every message with a 16 KiB message. */
  private static final class AnsweringHandler implements PeerConnection.Handler {
    final AtomicInteger messages = new AtomicInteger();
    final List<String> dropped = new CopyOnWriteArrayList<>();
    final CountDownLatch closed = new CountDownLatch(1);
    volatile PeerConnection connection;

    @Override
    public void onBlock(int piece, int begin, ByteBuffer block) {}

    @Override
    public void onMessage(PeerMessage message) {
      messages.incrementAndGet();
      connection.send(ANSWER);
    }

    @Override
    public boolean uploadAllowed(Block block) {
      return true;
    }

    @Override
    public void uploaded(Block block) {}

    @Override
    public void dropped(String reason) {
      dropped.add(reason);
    }

    @Override
    public void violated(String reason) {
      dropped.add("violated: " + reason);
    }

    @Override
    public void closed() {
      closed.countDown();
    }
  }

  private PeerConnection start(StalledTransport transport, AnsweringHandler handler) {
    PeerConnection connection =
        new PeerConnection(
            transport,
            TokenBucket.unlimited(),
            TokenBucket.unlimited(),
            () -> null,
            PeerConnection.messageLimit(10));
    handler.connection = connection;
    connection.start(threads, handler);
    return connection;
  }

  private static byte[] requests(int count) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < count; i++) {
      bytes.writeBytes(PeerMessageCodec.encode(new PeerMessage.Extended(2, new byte[30])));
    }
    return bytes.toByteArray();
  }

  @Test
  @Timeout(20)
  void aPeerThatDoesNotReadIsDroppedBeforeItsQueueExceedsTheBudget() throws Exception {
    StalledTransport transport = new StalledTransport(new byte[0]);
    AnsweringHandler handler = new AnsweringHandler();
    PeerConnection connection = start(transport, handler);
    int accepted = 0;
    while (!connection.isClosed()) {
      connection.send(ANSWER);
      assertTrue(connection.queuedBytes() <= PeerConnection.SEND_BUDGET);
      accepted++;
    }
    assertTrue(handler.closed.await(10, TimeUnit.SECONDS));
    assertTrue(transport.isClosed());
    // The queue held the budget's worth, the writer one batch in its blocked write.
    int bound = (PeerConnection.SEND_BUDGET + PeerConnection.WRITE_BATCH) / ANSWER_BYTES + 2;
    assertTrue(accepted <= bound, "accepted " + accepted + ", at most " + bound);
    assertEquals(0, connection.queuedBytes());
    assertTrue(handler.dropped.get(0).contains("send queue"), handler.dropped.toString());
  }

  @Test
  @Timeout(20)
  void pastTheHighWatermarkThePeersRequestsAreNoLongerRead() throws Exception {
    StalledTransport transport = new StalledTransport(requests(200));
    AnsweringHandler handler = new AnsweringHandler();
    PeerConnection connection = start(transport, handler);
    int perAnswer = ANSWER_BYTES;
    // The queue fills to the high watermark, the writer holds one batch in its blocked write.
    int pauseAfter =
        (PeerConnection.SEND_HIGH_WATERMARK + PeerConnection.WRITE_BATCH) / perAnswer + 2;
    // Wait until the reader stopped: the count of messages read no longer moves.
    int seen = -1;
    while (seen != handler.messages.get() || seen == 0) {
      seen = handler.messages.get();
      Thread.sleep(200);
    }
    assertTrue(seen <= pauseAfter, "read " + seen + " requests, expected at most " + pauseAfter);
    assertTrue(
        seen > PeerConnection.SEND_HIGH_WATERMARK / perAnswer, "read until the high watermark");
    assertTrue(
        connection.queuedBytes() <= PeerConnection.SEND_HIGH_WATERMARK + perAnswer,
        connection.queuedBytes() + " bytes queued");
    connection.close();
    assertTrue(handler.closed.await(10, TimeUnit.SECONDS));
  }

  @Test
  void messagesLongerThanTheTorrentNeedsAreRefusedBeforeAllocation() throws Exception {
    int limit = PeerConnection.messageLimit(10);
    assertEquals(PeerConnection.MIN_MESSAGE_LIMIT, limit);
    assertEquals(1 + 125_000, PeerConnection.messageLimit(1_000_000), "a bitfield's length");
    ByteBuffer oversize = ByteBuffer.allocate(4).putInt(0, limit + 1);
    FrameReader frames =
        new FrameReader(new StalledTransport(oversize.array()), 1024, false, limit);
    PeerWireException refused = assertThrows(PeerWireException.class, frames::next);
    assertTrue(refused.getMessage().contains("exceeds"), refused.getMessage());
  }
}
