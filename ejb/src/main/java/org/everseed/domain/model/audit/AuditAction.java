package org.everseed.domain.model.audit;

/** The significant actions the audit trail records. */
public enum AuditAction {
  RELEASE_PUBLISHED,
  RELEASE_RETIRED,
  RELEASE_COMMENTED,
  RELEASE_RATED,
  CHANNEL_CREATED,
  CHANNEL_OPENED_TO_STANDARD_CLIENTS,
  CHANNEL_CLOSED_TO_STANDARD_CLIENTS,
  CHANNEL_PUBLISHER_GRANTED,
  CHANNEL_PUBLISHER_REVOKED,
  PUBLISH_DENIED,
  AGENT_ENROLLED,
  AGENT_REENROLLED,
  AGENT_DISABLED,
  AGENT_ENABLED,
  AGENT_REKEYED;

  /**
   * The action named {@code name}, case-insensitively.
   *
   * @throws IllegalArgumentException naming the known actions
   */
  public static AuditAction parse(String name) {
    for (AuditAction action : values()) {
      if (action.name().equalsIgnoreCase(name.trim())) {
        return action;
      }
    }
    throw new IllegalArgumentException(
        "action must be one of " + java.util.Arrays.toString(values()) + ", not " + name);
  }
}
