package org.everseed.domain.model.distribution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.everseed.domain.model.fleet.AgentId;
import org.everseed.domain.model.release.ReleaseId;

/**
 * One report an agent sent about one release: where it is (started, progress, completed, failed),
 * how many bytes came from peers and from the server's web seed, how long it took, and the
 * post-install hook's exit status. Never changed once written.
 */
@Entity
@Table(name = "distribution_report")
public class DistributionRecord {
  public static final int MAX_MESSAGE = 2000;

  /** Where a distribution stands. */
  public enum State {
    STARTED,
    PROGRESS,
    COMPLETED,
    FAILED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "agent_id", nullable = false)
  private long agentId;

  @Column(name = "release_id", nullable = false)
  private long releaseId;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 10)
  private State state;

  @Column(name = "bytes_from_peers", nullable = false)
  private long bytesFromPeers;

  @Column(name = "bytes_from_web_seed", nullable = false)
  private long bytesFromWebSeed;

  @Column(name = "duration_ms", nullable = false)
  private long durationMillis;

  @Column(name = "hook_exit_code")
  private Integer hookExitCode;

  @Column(name = "message", nullable = false, length = MAX_MESSAGE)
  private String message;

  @Column(name = "reported_at", nullable = false)
  private Instant reportedAt;

  protected DistributionRecord() {}

  public DistributionRecord(
      AgentId agent,
      ReleaseId release,
      State state,
      long bytesFromPeers,
      long bytesFromWebSeed,
      long durationMillis,
      Integer hookExitCode,
      String message,
      Instant reportedAt) {
    if (bytesFromPeers < 0 || bytesFromWebSeed < 0 || durationMillis < 0) {
      throw new IllegalArgumentException("byte counts and durations are 0 or more");
    }
    this.agentId = agent.value();
    this.releaseId = release.value();
    this.state = Objects.requireNonNull(state, "state");
    this.bytesFromPeers = bytesFromPeers;
    this.bytesFromWebSeed = bytesFromWebSeed;
    this.durationMillis = durationMillis;
    this.hookExitCode = hookExitCode;
    String text = message == null ? "" : message;
    this.message = text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) : text;
    this.reportedAt = Objects.requireNonNull(reportedAt);
  }

  public State state() {
    return state;
  }

  public long bytesFromPeers() {
    return bytesFromPeers;
  }

  public long bytesFromWebSeed() {
    return bytesFromWebSeed;
  }
}
