package org.everseed.domain.model.channel;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Objects;

/** One role allowed to publish into a channel: who granted it, when. Equal by role. */
@Embeddable
public class PublisherGrant {
  @Column(name = "role", nullable = false, length = PublisherRole.MAX_LENGTH)
  private String role;

  @Column(name = "granted_by", nullable = false)
  private String grantedBy;

  @Column(name = "granted_at", nullable = false)
  private Instant grantedAt;

  protected PublisherGrant() {}

  PublisherGrant(PublisherRole role, String grantedBy, Instant grantedAt) {
    this.role = role.value();
    this.grantedBy = Objects.requireNonNull(grantedBy);
    this.grantedAt = Objects.requireNonNull(grantedAt);
  }

  public PublisherRole role() {
    return new PublisherRole(role);
  }

  public String grantedBy() {
    return grantedBy;
  }

  public Instant grantedAt() {
    return grantedAt;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PublisherGrant that && role.equals(that.role);
  }

  @Override
  public int hashCode() {
    return role.hashCode();
  }
}
