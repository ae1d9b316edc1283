package org.everseed.domain.model.channel;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A channel under which releases are published. Without publisher grants it is open to every
 * publisher; with grants only callers holding one of the granted roles (and admins) may publish
 * into it and the channels below it ({@link PublishingRights}). Its swarms are private to the fleet
 * by default (agents exchange its releases only over TLS with each other); opened to standard
 * clients, they also take plaintext BitTorrent peers (aria2c, Transmission, qBittorrent).
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

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "channel_publisher", joinColumns = @JoinColumn(name = "channel_id"))
  private Set<PublisherGrant> publishers = new HashSet<>();

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

  /** The roles allowed to publish here, by role name; empty for an open channel. */
  public List<PublisherGrant> publishers() {
    return publishers.stream().sorted(Comparator.comparing(g -> g.role().value())).toList();
  }

  /** Whether only granted roles may publish here (and below). */
  public boolean restricted() {
    return !publishers.isEmpty();
  }

  /**
   * Lets {@code role} publish here; the first grant restricts an open channel to that role.
   *
   * @return false if the role was granted already (the first grant stays)
   */
  public boolean grantPublishing(PublisherRole role, String grantedBy, Instant at) {
    return publishers.add(new PublisherGrant(role, grantedBy, at));
  }

  /**
   * Takes publishing away from {@code role}; removing the last grant opens the channel again.
   *
   * @return false if the role had no grant here
   */
  public boolean revokePublishing(PublisherRole role) {
    return publishers.removeIf(g -> g.role().equals(role));
  }
}
