package org.everseed.domain.model.release;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One person's 1–5 star rating of a release; rating again replaces it. */
@Entity
@Table(name = "release_rating")
@IdClass(ReleaseRating.Key.class)
public class ReleaseRating {
  @Id
  @Column(name = "release_id")
  private long releaseId;

  @Id
  @Column(name = "rater", length = 200)
  private String rater;

  @Column(name = "stars", nullable = false)
  private short stars;

  @Column(name = "rated_at", nullable = false)
  private Instant ratedAt;

  protected ReleaseRating() {}

  public ReleaseRating(ReleaseId release, String rater, int stars, Instant at) {
    this.releaseId = release.value();
    this.rater = Objects.requireNonNull(rater);
    rerate(stars, at);
  }

  /** Replaces the stars given. */
  public void rerate(int newStars, Instant at) {
    if (newStars < 1 || newStars > 5) {
      throw new InvalidReleaseException("stars", "a rating is 1 to 5 stars, got " + newStars);
    }
    this.stars = (short) newStars;
    this.ratedAt = Objects.requireNonNull(at);
  }

  public int stars() {
    return stars;
  }

  /** The composite identity: one rating per rater and release. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private long releaseId;
    private String rater;

    public Key() {}

    public Key(long releaseId, String rater) {
      this.releaseId = releaseId;
      this.rater = rater;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.releaseId == releaseId && Objects.equals(k.rater, rater);
    }

    @Override
    public int hashCode() {
      return Objects.hash(releaseId, rater);
    }
  }
}
