package org.everseed.agent.swarm;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * One peer's outgoing queue, bounded by a byte budget: encoded messages wait here in heap until the
 * writer sends them, uploads wait as a block reference (their data is read from storage when sent).
 * A message that would take the queued bytes beyond the budget is refused, and the caller drops the
 * peer. Below the budget there is back-pressure: past a high watermark the peer's reader stops
 * taking messages (every request or metadata request it reads would queue an answer) until the
 * writer has drained the queue to a low watermark. Thread-safe.
 */
final class SendQueue {

  /** What the writer sends next. */
  sealed interface Item {}

  /** An encoded message, length prefix included. */
  record Frame(byte[] bytes) implements Item {}

  /** A block the peer asked for, read from storage when its turn comes. */
  record Upload(Block block) implements Item {}

  private final ArrayDeque<Item> items = new ArrayDeque<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final Condition drained = lock.newCondition();
  private final long budget;
  private final long highWatermark;
  private final long lowWatermark;
  private long queuedBytes;
  private boolean closed;

  /**
   * @param budget the most message bytes ever queued
   * @param highWatermark past this many queued bytes the reader waits ({@link #awaitDrained})
   * @param lowWatermark ... until the queue is down to this many
   */
  SendQueue(long budget, long highWatermark, long lowWatermark) {
    if (!(0 <= lowWatermark && lowWatermark <= highWatermark && highWatermark <= budget)) {
      throw new IllegalArgumentException("need 0 <= low <= high <= budget");
    }
    this.budget = budget;
    this.highWatermark = highWatermark;
    this.lowWatermark = lowWatermark;
  }

  /**
   * Queues an item.
   *
   * @return false if the queue is closed, or a frame would take it beyond the budget (nothing is
   *     queued then)
   */
  boolean offer(Item item) {
    long size = item instanceof Frame frame ? frame.bytes().length : 0;
    lock.lock();
    try {
      if (closed || queuedBytes + size > budget) {
        return false;
      }
      items.addLast(item);
      queuedBytes += size;
      notEmpty.signal();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** The next item, waiting up to {@code timeout}; null on timeout or once closed. */
  Item poll(long timeout, TimeUnit unit) throws InterruptedException {
    long nanos = unit.toNanos(timeout);
    lock.lock();
    try {
      while (items.isEmpty() && !closed) {
        if (nanos <= 0) {
          return null;
        }
        nanos = notEmpty.awaitNanos(nanos);
      }
      return closed ? null : take();
    } finally {
      lock.unlock();
    }
  }

  /** The next item if it is a frame of at most {@code room} bytes, for batching writes. */
  Frame pollFrame(int room) {
    lock.lock();
    try {
      if (!closed && items.peekFirst() instanceof Frame frame && frame.bytes().length <= room) {
        return (Frame) take();
      }
      return null;
    } finally {
      lock.unlock();
    }
  }

  private Item take() {
    Item item = items.removeFirst();
    if (item instanceof Frame frame) {
      queuedBytes -= frame.bytes().length;
      if (queuedBytes <= lowWatermark) {
        drained.signalAll();
      }
    }
    return item;
  }

  /** Removes the queued uploads that {@code which} matches. */
  void removeUploads(Predicate<Block> which) {
    lock.lock();
    try {
      items.removeIf(item -> item instanceof Upload upload && which.test(upload.block()));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Back-pressure for the reader: returns at once while the queue holds no more than the high
   * watermark; else waits until the writer drained it to the low watermark.
   *
   * @return false if that did not happen within {@code timeout} (the peer does not read what we
   *     send) or the queue was closed
   */
  boolean awaitDrained(long timeout, TimeUnit unit) throws InterruptedException {
    lock.lock();
    try {
      if (queuedBytes <= highWatermark) {
        return !closed;
      }
      long nanos = unit.toNanos(timeout);
      while (queuedBytes > lowWatermark && !closed) {
        if (nanos <= 0) {
          return false;
        }
        nanos = drained.awaitNanos(nanos);
      }
      return !closed;
    } finally {
      lock.unlock();
    }
  }

  /** Message bytes queued now. */
  long queuedBytes() {
    lock.lock();
    try {
      return queuedBytes;
    } finally {
      lock.unlock();
    }
  }

  /** Drops everything and refuses more; wakes whoever waits. */
  void close() {
    lock.lock();
    try {
      closed = true;
      items.clear();
      queuedBytes = 0;
      notEmpty.signalAll();
      drained.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
