package org.everseed.agent.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SendQueueTest {

  private static SendQueue.Frame frame(int size) {
    return new SendQueue.Frame(new byte[size]);
  }

  /** A reader blocked in awaitDrained (it is waiting when this returns). */
  private static CompletableFuture<Boolean> waitingReader(SendQueue queue)
      throws InterruptedException {
    CompletableFuture<Boolean> result = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                result.complete(queue.awaitDrained(1, TimeUnit.HOURS));
              } catch (InterruptedException e) {
                result.completeExceptionally(e);
              }
            });
    reader.setDaemon(true);
    reader.start();
    while (reader.getState() != Thread.State.TIMED_WAITING && !result.isDone()) {
      Thread.sleep(1);
    }
    return result;
  }

  @Test
  void aFrameBeyondTheBudgetIsRefusedAndNothingIsQueued() {
    SendQueue queue = new SendQueue(100, 60, 20);
    assertTrue(queue.offer(frame(60)));
    assertTrue(queue.offer(frame(40)));
    assertFalse(queue.offer(frame(1)));
    assertEquals(100, queue.queuedBytes());
  }

  @Test
  void uploadsCostNoBudgetTheirDataIsReadWhenSent() {
    SendQueue queue = new SendQueue(100, 60, 20);
    assertTrue(queue.offer(frame(100)));
    assertTrue(queue.offer(new SendQueue.Upload(new Block(0, 0, 16384))));
    assertEquals(100, queue.queuedBytes());
  }

  @Test
  void itemsComeOutInOrderAndFreeTheirBytes() throws Exception {
    SendQueue queue = new SendQueue(100, 60, 20);
    queue.offer(frame(10));
    queue.offer(new SendQueue.Upload(new Block(1, 0, 5)));
    queue.offer(frame(30));
    assertEquals(10, ((SendQueue.Frame) queue.poll(0, TimeUnit.SECONDS)).bytes().length);
    assertNull(queue.pollFrame(100), "an upload is next, not a frame");
    assertInstanceOf(SendQueue.Upload.class, queue.poll(0, TimeUnit.SECONDS));
    assertNull(queue.pollFrame(29), "the frame does not fit the room left");
    assertEquals(30, queue.pollFrame(30).bytes().length);
    assertEquals(0, queue.queuedBytes());
    assertNull(queue.poll(0, TimeUnit.SECONDS));
  }

  @Test
  void removesQueuedUploadsOnly() throws Exception {
    SendQueue queue = new SendQueue(100, 60, 20);
    queue.offer(new SendQueue.Upload(new Block(1, 0, 5)));
    queue.offer(frame(10));
    queue.offer(new SendQueue.Upload(new Block(2, 0, 5)));
    queue.removeUploads(block -> block.piece() == 1);
    assertInstanceOf(SendQueue.Frame.class, queue.poll(0, TimeUnit.SECONDS));
    assertEquals(new Block(2, 0, 5), ((SendQueue.Upload) queue.poll(0, TimeUnit.SECONDS)).block());
  }

  @Test
  void theReaderGoesOnAtOrBelowTheHighWatermark() throws Exception {
    SendQueue queue = new SendQueue(100, 60, 20);
    queue.offer(frame(60));
    assertTrue(queue.awaitDrained(0, TimeUnit.SECONDS));
  }

  @Test
  void pastTheHighWatermarkTheReaderWaitsAndGivesUpWhenNothingDrains() throws Exception {
    SendQueue queue = new SendQueue(100, 60, 20);
    queue.offer(frame(61));
    assertFalse(queue.awaitDrained(0, TimeUnit.SECONDS));
  }

  @Test
  @Timeout(10)
  void theWaitingReaderResumesOnceTheWriterDrainedToTheLowWatermark() throws Exception {
    SendQueue queue = new SendQueue(100, 60, 20);
    for (int i = 0; i < 7; i++) {
      queue.offer(frame(10));
    }
    CompletableFuture<Boolean> reader = waitingReader(queue);
    for (int i = 0; i < 4; i++) {
      queue.poll(0, TimeUnit.SECONDS);
      assertFalse(reader.isDone(), "still above the low watermark after " + (i + 1));
    }
    queue.poll(0, TimeUnit.SECONDS);
    assertTrue(reader.get());
  }

  @Test
  @Timeout(10)
  void closingRefusesMoreAndReleasesTheWaitingReader() throws Exception {
    SendQueue queue = new SendQueue(100, 60, 20);
    queue.offer(frame(100));
    CompletableFuture<Boolean> reader = waitingReader(queue);
    queue.close();
    assertFalse(reader.get());
    assertFalse(queue.offer(frame(1)));
    assertEquals(0, queue.queuedBytes());
    assertNull(queue.poll(1, TimeUnit.HOURS));
  }
}
