package org.everseed.application.tracker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.everseed.domain.model.tracking.PeerRegistry;
import org.everseed.domain.settings.TrackerConfiguration;

/**
 * Wires the tracker's plain classes into CDI. The hot-path objects are produced as {@link
 * Singleton}s (no client proxy), so the servlets call them directly.
 */
@ApplicationScoped
public class TrackerComponents {

  @Produces
  @Singleton
  TrackingEventRecorder recorder(TrackerConfiguration configuration) {
    return new TrackingEventRecorder(configuration.eventQueueCapacity());
  }

  @Produces
  @Singleton
  Tracker tracker(
      TrackerConfiguration configuration,
      TrackerAccess access,
      PeerRegistry registry,
      TrackingEventRecorder recorder,
      Clock clock) {
    return new Tracker(configuration, access::current, registry, recorder, clock);
  }
}
