package org.everseed.domain.model.channel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A channel under which releases are published. */
@Entity
@Table(name = "channel")
public class Channel {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "name", nullable = false, unique = true, length = ChannelName.MAX_LENGTH)
  private String name;

  @Column(name = "description", nullable = false)
  private String description;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Channel() {}

  public Channel(ChannelName name, String description, Instant createdAt) {
    this.name = Objects.requireNonNull(name).value();
    this.description = description == null ? "" : description;
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  public Long id() {
    return id;
  }

  public ChannelName name() {
    return new ChannelName(name);
  }

  public String description() {
    return description;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** Replaces the human description; the name is the channel's identity and never changes. */
  public void describe(String newDescription) {
    this.description = newDescription == null ? "" : newDescription;
  }
}
