package org.everseed.domain.model.tracking;

import java.util.Optional;

/**
 * Who stands behind a live passkey, as the tracker needs it: an agent (which can be disabled) or a
 * portal user, and the site its peers are grouped by.
 *
 * @param agentId the agent's id, empty for a user's passkey
 * @param username the user, empty for an agent's passkey
 * @param enabled false for a disabled agent: the tracker refuses it
 */
public record TrackerAccount(
    Passkey passkey,
    Optional<Long> agentId,
    Optional<String> username,
    Site site,
    boolean enabled) {

  public TrackerAccount {
    if (agentId.isPresent() == username.isPresent()) {
      throw new IllegalArgumentException("a passkey belongs to exactly one agent or one user");
    }
  }

  public static TrackerAccount agent(Passkey passkey, long agentId, Site site, boolean enabled) {
    return new TrackerAccount(passkey, Optional.of(agentId), Optional.empty(), site, enabled);
  }

  public static TrackerAccount user(Passkey passkey, String username, Site site) {
    return new TrackerAccount(passkey, Optional.empty(), Optional.of(username), site, true);
  }
}
