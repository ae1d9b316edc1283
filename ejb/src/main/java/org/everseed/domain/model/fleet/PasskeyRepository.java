package org.everseed.domain.model.fleet;

import java.util.Optional;

/** Where passkeys are kept. */
public interface PasskeyRepository {
  Optional<Passkey> findLiveForUser(String username);

  Optional<Passkey> findLiveForAgent(long agentId);

  void store(Passkey passkey);
}
