package org.everseed.domain.model.release;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A comment someone left on a release. */
@Entity
@Table(name = "release_comment")
public class ReleaseComment {
  public static final int MAX_LENGTH = 10_000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "release_id", nullable = false)
  private long releaseId;

  @Column(name = "author", nullable = false, length = 200)
  private String author;

  @Column(name = "body", nullable = false)
  private String body;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected ReleaseComment() {}

  public ReleaseComment(ReleaseId release, String author, String body, Instant at) {
    String text = body == null ? "" : body.strip();
    if (text.isEmpty()) {
      throw new InvalidReleaseException("body", "a comment must not be empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw new InvalidReleaseException(
          "body", "a comment is at most " + MAX_LENGTH + " characters");
    }
    this.releaseId = release.value();
    this.author = Objects.requireNonNull(author);
    this.body = text;
    this.createdAt = Objects.requireNonNull(at);
  }

  public long id() {
    return id;
  }

  public String author() {
    return author;
  }

  public String body() {
    return body;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
