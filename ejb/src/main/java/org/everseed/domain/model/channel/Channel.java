package org.everseed.domain.model.channel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A channel under which releases are published. Private to the fleet by default: agents exchange
 * its releases only over TLS with each other; opened to standard clients, its swarms also take
 * plaintext BitTorrent peers (aria2c, Transmission, qBittorrent).
 */
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

  @Column(name = "open_to_standard_clients", nullable = false)
  private boolean openToStandardClients;

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

  /** Whether plaintext BitTorrent peers (standard clients) may join this channel's swarms. */
  public boolean isOpenToStandardClients() {
    return openToStandardClients;
  }

  /** Lets standard clients join this channel's swarms over plaintext BitTorrent. */
  public void openToStandardClients() {
    this.openToStandardClients = true;
  }

  /** Keeps this channel's swarms to TLS-authenticated fleet agents (the default). */
  public void closeToStandardClients() {
    this.openToStandardClients = false;
  }

  /** Replaces the human description; the name is the channel's identity and never changes. */
  public void describe(String newDescription) {
    this.description = newDescription == null ? "" : newDescription;
  }
}
