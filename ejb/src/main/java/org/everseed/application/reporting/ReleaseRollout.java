package org.everseed.application.reporting;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a release reached the agents it targets (active agents subscribed to its channel or a parent
 * channel, plus any agent that reported on it): each agent, the completion milestones and each
 * site. The counts are derived from the agents.
 */
public record ReleaseRollout(
    ReleaseHeading release,
    List<AgentRollout> agents,
    List<Milestone> milestones,
    List<Site> sites) {

  public ReleaseRollout {
    agents = List.copyOf(agents);
    milestones = List.copyOf(milestones);
    sites = List.copyOf(sites);
  }

  /**
   * When a share of the targeted agents had completed.
   *
   * @param percent 50, 90 or 100
   * @param agentsNeeded how many completed agents that share is (rounded up)
   * @param reachedAfter from publication to the {@code agentsNeeded}-th completion; empty while not
   *     reached
   */
  public record Milestone(int percent, int agentsNeeded, Optional<Duration> reachedAfter) {}

  /** One site's share of the rollout. */
  public record Site(String name, int targeted, int completed, int failed, Traffic traffic) {}

  public int targeted() {
    return agents.size();
  }

  /** Agents that reported anything or that the tracker saw complete. */
  public int started() {
    return targeted() - count(RolloutState.NOT_STARTED);
  }

  /** Started, neither completed nor failed. */
  public int inProgress() {
    return started() - completed() - failed();
  }

  public int completed() {
    return count(RolloutState.COMPLETED);
  }

  public int failed() {
    return count(RolloutState.FAILED);
  }

  public int notStarted() {
    return count(RolloutState.NOT_STARTED);
  }

  public Traffic traffic() {
    return agents.stream().map(AgentRollout::traffic).reduce(Traffic.NONE, Traffic::plus);
  }

  private int count(RolloutState state) {
    return (int) agents.stream().filter(a -> a.state() == state).count();
  }
}
