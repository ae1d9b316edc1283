package org.everseed.application.tracker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.domain.model.tracking.Passkey;
import org.everseed.domain.model.tracking.TrackingEvent;
import org.everseed.domain.model.tracking.TransferCounters;

/**
 * Buffers the audit trail between batch writes. Announces only append (never wait, never touch the
 * database); periodic counters are coalesced per passkey and torrent, so the buffer grows with the
 * number of active downloads, not with the announce rate. Both parts are bounded: past the capacity
 * entries are counted as dropped instead of slowing announces down.
 */
public final class TrackingEventRecorder {
  private final int capacity;
  private final ConcurrentLinkedQueue<TrackingEvent> events = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queuedEvents = new AtomicInteger();
  private final ConcurrentHashMap<TransferKey, TransferCounters> transfers =
      new ConcurrentHashMap<>();
  private final LongAdder dropped = new LongAdder();

  private record TransferKey(Passkey passkey, InfoHash infoHash) {}

  /** What one write takes: the events in order and the latest counters per passkey and torrent. */
  public record Batch(List<TrackingEvent> events, List<TransferCounters> transfers) {
    public boolean isEmpty() {
      return events.isEmpty() && transfers.isEmpty();
    }
  }

  public TrackingEventRecorder(int capacity) {
    this.capacity = capacity;
  }

  public void event(TrackingEvent event) {
    if (queuedEvents.incrementAndGet() > capacity) {
      queuedEvents.decrementAndGet();
      dropped.increment();
      return;
    }
    events.add(event);
  }

  public void transfer(TransferCounters counters) {
    TransferKey key = new TransferKey(counters.passkey(), counters.infoHash());
    if (transfers.size() >= capacity && !transfers.containsKey(key)) {
      dropped.increment();
      return;
    }
    transfers.merge(key, counters, TransferCounters::followedBy);
  }

  /** Takes everything buffered so far. */
  public Batch drain() {
    List<TrackingEvent> taken = new ArrayList<>();
    TrackingEvent event;
    while ((event = events.poll()) != null) {
      queuedEvents.decrementAndGet();
      taken.add(event);
    }
    List<TransferCounters> counters = new ArrayList<>();
    for (TransferKey key : transfers.keySet()) {
      TransferCounters removed = transfers.remove(key);
      if (removed != null) {
        counters.add(removed);
      }
    }
    return new Batch(taken, counters);
  }

  /** Entries refused because the buffer was full, since start. */
  public long dropped() {
    return dropped.sum();
  }
}
