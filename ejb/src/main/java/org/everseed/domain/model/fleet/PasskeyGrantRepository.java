package org.everseed.domain.model.fleet;

import java.util.Optional;

/** Where passkey grants are kept. */
public interface PasskeyGrantRepository {
  Optional<PasskeyGrant> findLiveForUser(String username);

  Optional<PasskeyGrant> findLiveForAgent(long agentId);

  void store(PasskeyGrant grant);
}
