package org.everseed.infrastructure.tracker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.everseed.domain.model.tracking.PeerRegistry;
import org.everseed.domain.settings.TrackerConfiguration;

/** Chooses the single-server registry: swarms in this JVM's heap. */
@ApplicationScoped
public class PeerRegistryProducer {

  @Produces
  @Singleton
  PeerRegistry peerRegistry(TrackerConfiguration configuration) {
    return new InMemoryPeerRegistry(configuration.peerLimits());
  }
}
