package org.everseed.application.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.api.tracker.AnnounceEvent;
import org.everseed.domain.model.tracking.Passkey;
import org.everseed.domain.model.tracking.Site;
import org.everseed.domain.model.tracking.TrackerAccount;
import org.everseed.domain.model.tracking.TrackingEvent;
import org.everseed.domain.model.tracking.TransferCounters;
import org.junit.jupiter.api.Test;

class TrackingEventRecorderTest {
  static final Passkey KEY = Passkey.of("0123456789abcdef0123456789abcdef");
  static final TrackerAccount ACCOUNT = TrackerAccount.user(KEY, "alice", Site.UNKNOWN);

  static TrackingEvent event(int port) {
    return new TrackingEvent(
        Instant.EPOCH, ACCOUNT, hash(0), AnnounceEvent.STARTED, "00", "10.0.0.1", port, 0, 0, 1);
  }

  static InfoHash hash(int n) {
    byte[] b = new byte[20];
    b[0] = (byte) n;
    return InfoHash.of(b);
  }

  static TransferCounters counters(int hash, long uploaded) {
    return new TransferCounters(KEY, hash(hash), uploaded, 0, 0, 1, Instant.EPOCH);
  }

  @Test
  void boundedBufferDropsInsteadOfGrowing() {
    TrackingEventRecorder recorder = new TrackingEventRecorder(2);
    recorder.event(event(1));
    recorder.event(event(2));
    recorder.event(event(3));
    recorder.transfer(counters(1, 1));
    recorder.transfer(counters(2, 1));
    recorder.transfer(counters(3, 1));
    recorder.transfer(counters(1, 9)); // known key: coalesced, not dropped
    assertEquals(2, recorder.dropped());
    TrackingEventRecorder.Batch batch = recorder.drain();
    assertEquals(2, batch.events().size());
    assertEquals(1, batch.events().get(0).port());
    assertEquals(2, batch.transfers().size());
    recorder.event(event(4));
    assertEquals(1, recorder.drain().events().size(), "room again after a drain");
  }

  @Test
  void countersKeepTheLatestValuesAndAddUpAnnounces() {
    TrackingEventRecorder recorder = new TrackingEventRecorder(10);
    recorder.transfer(counters(1, 5));
    recorder.transfer(counters(1, 7));
    TransferCounters merged = recorder.drain().transfers().get(0);
    assertEquals(7, merged.uploaded());
    assertEquals(2, merged.announces());
  }
}
