package org.everseed.domain.model.fleet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.everseed.domain.model.channel.ChannelName;

/**
 * A distribution agent enrolled by a Keycloak client with the {@code agent} role. Its name is its
 * identity across restarts: enrolling again under the same name updates the declaration instead of
 * creating a second agent. Administrators disable it to shut it out of the swarm.
 */
@Entity
@Table(name = "agent")
public class Agent {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "name", nullable = false, unique = true, length = AgentRegistration.MAX_NAME)
  private String name;

  @Column(name = "site", nullable = false, length = AgentRegistration.MAX_SITE)
  private String site;

  @Column(name = "version", nullable = false, length = AgentRegistration.MAX_VERSION)
  private String version;

  @Column(name = "channels", nullable = false, length = 2000)
  private String channels;

  @Column(name = "enrolled_by", nullable = false, length = 200)
  private String enrolledBy;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 10)
  private AgentStatus status;

  @Column(name = "enrolled_at", nullable = false)
  private Instant enrolledAt;

  @Column(name = "last_seen_at")
  private Instant lastSeenAt;

  protected Agent() {}

  private Agent(AgentRegistration registration, String enrolledBy, Instant now) {
    this.name = registration.name();
    this.enrolledBy = Objects.requireNonNull(enrolledBy, "enrolled by");
    this.status = AgentStatus.ACTIVE;
    this.enrolledAt = Objects.requireNonNull(now);
    declare(registration, now);
  }

  /** A newly enrolled, active agent. */
  public static Agent enrol(AgentRegistration registration, String enrolledBy, Instant now) {
    return new Agent(registration, enrolledBy, now);
  }

  /** Takes the agent's latest declaration (re-enrolment); the name stays its identity. */
  public void reenrol(AgentRegistration registration, Instant now) {
    if (!registration.name().equals(name)) {
      throw new IllegalArgumentException("re-enrolment must keep the agent's name");
    }
    declare(registration, now);
  }

  /**
   * The agent reported in, running {@code reportedVersion} (blank: unchanged).
   *
   * @throws IllegalArgumentException if the version is malformed
   */
  public void heartbeat(String reportedVersion, Instant now) {
    String checked = AgentRegistration.version(reportedVersion);
    if (!checked.isEmpty()) {
      this.version = checked;
    }
    this.lastSeenAt = now;
  }

  /** Shuts the agent out: its passkey must stop opening the tracker and the web seed. */
  public void disable() {
    status = AgentStatus.DISABLED;
  }

  /** Lets a disabled agent back in. */
  public void enable() {
    status = AgentStatus.ACTIVE;
  }

  public AgentId id() {
    return new AgentId(id);
  }

  public boolean isEnrolled() {
    return id != null;
  }

  public String name() {
    return name;
  }

  public String site() {
    return site;
  }

  public String version() {
    return version;
  }

  public List<ChannelName> channels() {
    return channels.isEmpty()
        ? List.of()
        : Arrays.stream(channels.split(",")).map(ChannelName::new).toList();
  }

  public String enrolledBy() {
    return enrolledBy;
  }

  public AgentStatus status() {
    return status;
  }

  public boolean isActive() {
    return status == AgentStatus.ACTIVE;
  }

  public Instant enrolledAt() {
    return enrolledAt;
  }

  public Instant lastSeenAt() {
    return lastSeenAt;
  }

  private void declare(AgentRegistration registration, Instant now) {
    this.site = registration.site();
    this.version = registration.version();
    this.channels = registration.channelList();
    this.lastSeenAt = now;
  }
}
