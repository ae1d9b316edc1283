package org.everseed.domain.model.tracking;

import java.util.Collection;
import java.util.List;

/** Where the audit trail of announces is kept: written in batches, after the answers went out. */
public interface TrackingEventLog {

  /** Stores one batch atomically: all of it or, on failure, none of it. */
  void store(List<TrackingEvent> events, Collection<TransferCounters> transfers);
}
