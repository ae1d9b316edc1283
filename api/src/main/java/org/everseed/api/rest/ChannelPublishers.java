package org.everseed.api.rest;

import java.time.Instant;
import java.util.List;

/**
 * Who may publish into a channel, as {@code GET /api/v1/channels/{name}/publishers} shows it.
 *
 * @param restricted false: no grant, every publisher may publish here (unless an ancestor channel
 *     is restricted); true: only the granted roles (and admins)
 * @param publishers the granted Keycloak realm roles, by name
 */
public record ChannelPublishers(String channel, boolean restricted, List<Grant> publishers) {

  /** One realm role allowed to publish, who granted it and when. */
  public record Grant(String role, String grantedBy, Instant grantedAt) {}
}
