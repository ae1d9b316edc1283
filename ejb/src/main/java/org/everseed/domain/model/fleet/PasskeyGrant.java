package org.everseed.domain.model.fleet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.everseed.domain.model.tracking.Passkey;

/**
 * A {@link Passkey} granted to one holder, an agent or a portal user. Revoked grants are kept (the
 * audit trail refers to them) but their passkey no longer opens anything.
 */
@Entity
@Table(name = "passkey")
public class PasskeyGrant {
  @Id
  @Column(name = "passkey", length = 32)
  private String passkey;

  @Column(name = "agent_id")
  private Long agentId;

  @Column(name = "username", length = 200)
  private String username;

  @Column(name = "site", nullable = false, length = 100)
  private String site;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected PasskeyGrant() {}

  private PasskeyGrant(Passkey value, Long agentId, String username, String site, Instant now) {
    this.passkey = value.value();
    this.agentId = agentId;
    this.username = username;
    this.site = site == null ? "" : site;
    this.createdAt = Objects.requireNonNull(now);
  }

  /** A new passkey for a portal user, who downloads .torrent files carrying it. */
  public static PasskeyGrant forUser(String username, Instant now) {
    return new PasskeyGrant(Passkey.generate(), null, Objects.requireNonNull(username), "", now);
  }

  /** A new passkey for an enrolled agent at {@code site}. */
  public static PasskeyGrant forAgent(long agentId, String site, Instant now) {
    return new PasskeyGrant(Passkey.generate(), agentId, null, site, now);
  }

  public Passkey passkey() {
    return Passkey.of(passkey);
  }

  public Optional<Long> agentId() {
    return Optional.ofNullable(agentId);
  }

  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  public String site() {
    return site;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public boolean isLive() {
    return revokedAt == null;
  }

  /** Stops this passkey from opening the tracker and the web seed; idempotent. */
  public void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }
}
