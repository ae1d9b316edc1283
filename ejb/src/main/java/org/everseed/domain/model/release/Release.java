package org.everseed.domain.model.release;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.domain.model.channel.Channel;

/**
 * A published release: its payload's files, the torrent that describes them (kept byte for byte),
 * and whether it is still distributed. Retiring is the only state change after publishing.
 */
@Entity
@Table(name = "release")
public class Release {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.EAGER)
  @JoinColumn(name = "channel_id", nullable = false)
  private Channel channel;

  @Column(name = "name", nullable = false, length = 200)
  private String name;

  @Column(name = "version", nullable = false, length = 100)
  private String version;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 20)
  private ReleaseKind kind;

  @Column(name = "description", nullable = false)
  private String description;

  /** Comma-separated, lower-case. */
  @Column(name = "tags", nullable = false, length = 1000)
  private String tags;

  /** The v1 info-hash (stored as 40 hex digits by {@code InfoHashColumn}). */
  @Column(name = "info_hash", nullable = false, unique = true, length = 40)
  private InfoHash infoHash;

  @Column(name = "piece_length", nullable = false)
  private int pieceLength;

  @Column(name = "total_size", nullable = false)
  private long totalSize;

  @Column(name = "torrent", nullable = false)
  private byte[] torrent;

  /** Relative to the payload store. */
  @Column(name = "payload_path", nullable = false, length = 500)
  private String payloadPath;

  @Column(name = "publisher", nullable = false, length = 200)
  private String publisher;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 10)
  private ReleaseStatus status;

  @Column(name = "retired_at")
  private Instant retiredAt;

  @Column(name = "retired_by", length = 200)
  private String retiredBy;

  @Column(name = "retire_reason", length = 500)
  private String retireReason;

  // Eager: a release is always shown or served with its files, after its transaction ended.
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "release_file", joinColumns = @JoinColumn(name = "release_id"))
  @OrderColumn(name = "position")
  private List<ReleaseFile> files = new ArrayList<>();

  protected Release() {}

  /** A release as published: active, with its torrent and payload in place. */
  public Release(
      Channel channel,
      ReleaseDescription description,
      ReleasePayload payload,
      String publisher,
      Instant publishedAt) {
    this.channel = Objects.requireNonNull(channel);
    this.name = description.name();
    this.version = description.version();
    this.kind = description.kind();
    this.description = description.text();
    this.tags = String.join(",", description.tags());
    this.infoHash = payload.infoHash();
    this.pieceLength = payload.pieceLength();
    this.totalSize = payload.totalSize();
    this.torrent = payload.torrent().clone();
    this.payloadPath = payload.payloadPath();
    this.files = new ArrayList<>(payload.files());
    this.publisher = Objects.requireNonNull(publisher);
    this.createdAt = Objects.requireNonNull(publishedAt);
    this.status = ReleaseStatus.ACTIVE;
  }

  public ReleaseId id() {
    return new ReleaseId(id);
  }

  public Channel channel() {
    return channel;
  }

  public String name() {
    return name;
  }

  public String version() {
    return version;
  }

  public ReleaseKind kind() {
    return kind;
  }

  public String description() {
    return description;
  }

  public List<String> tags() {
    return tags.isEmpty() ? List.of() : Arrays.asList(tags.split(","));
  }

  /** The torrent's v1 info-hash: the release's identity in the swarm and the payload store. */
  public InfoHash infoHash() {
    return infoHash;
  }

  public int pieceLength() {
    return pieceLength;
  }

  public long totalSize() {
    return totalSize;
  }

  /** The torrent exactly as published (tracker and web seed URLs carry a placeholder passkey). */
  public byte[] torrent() {
    return torrent.clone();
  }

  public String payloadPath() {
    return payloadPath;
  }

  public String publisher() {
    return publisher;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public ReleaseStatus status() {
    return status;
  }

  public boolean isActive() {
    return status == ReleaseStatus.ACTIVE;
  }

  public Instant retiredAt() {
    return retiredAt;
  }

  public String retiredBy() {
    return retiredBy;
  }

  public String retireReason() {
    return retireReason;
  }

  public List<ReleaseFile> files() {
    return List.copyOf(files);
  }

  /** Whether {@code user} may retire this release: its publisher, or an administrator. */
  public boolean mayBeRetiredBy(String user, boolean isAdmin) {
    return isAdmin || publisher.equals(user);
  }

  /**
   * Stops distributing the release: the tracker forgets it and the web seed stops serving it.
   *
   * @throws IllegalStateException if it is already retired
   */
  public void retire(String by, String reason, Instant at) {
    if (status == ReleaseStatus.RETIRED) {
      throw new IllegalStateException("release " + id + " is already retired");
    }
    this.status = ReleaseStatus.RETIRED;
    this.retiredBy = Objects.requireNonNull(by);
    this.retireReason = reason == null ? "" : reason;
    this.retiredAt = Objects.requireNonNull(at);
  }
}
