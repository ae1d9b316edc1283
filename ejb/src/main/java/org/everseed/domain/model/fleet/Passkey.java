package org.everseed.domain.model.fleet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A passkey issued to one holder, an agent or a portal user. Revoked passkeys are kept (the audit
 * trail refers to them) but no longer open anything.
 */
@Entity
@Table(name = "passkey")
public class Passkey {
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

  protected Passkey() {}

  private Passkey(PasskeyValue value, Long agentId, String username, String site, Instant now) {
    this.passkey = value.value();
    this.agentId = agentId;
    this.username = username;
    this.site = site == null ? "" : site;
    this.createdAt = Objects.requireNonNull(now);
  }

  /** A passkey for a portal user, who downloads .torrent files carrying it. */
  public static Passkey forUser(String username, Instant now) {
    return new Passkey(PasskeyValue.generate(), null, Objects.requireNonNull(username), "", now);
  }

  /** A passkey for an enrolled agent at {@code site}. */
  public static Passkey forAgent(long agentId, String site, Instant now) {
    return new Passkey(PasskeyValue.generate(), agentId, null, site, now);
  }

  public PasskeyValue value() {
    return PasskeyValue.of(passkey);
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
