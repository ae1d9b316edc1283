package org.everseed.application.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.everseed.domain.model.distribution.AgentOutcome;

/**
 * Turns the targeted agents' outcomes into a release's rollout. An agent's own latest report
 * decides its state (it includes the post-install hook); the tracker's completion counts only for
 * agents that have not reported at all.
 */
public final class ReleaseReportCalculator {
  private static final int[] MILESTONES = {50, 90, 100};

  private ReleaseReportCalculator() {}

  public static ReleaseRollout calculate(ReleaseHeading release, List<AgentOutcome> outcomes) {
    List<AgentRollout> agents = new ArrayList<>(outcomes.size());
    for (AgentOutcome outcome : outcomes) {
      agents.add(rollout(outcome, release.publishedAt()));
    }
    return new ReleaseRollout(release, agents, milestones(agents), sites(agents));
  }

  private static AgentRollout rollout(AgentOutcome outcome, Instant publishedAt) {
    if (outcome.latest().isPresent()) {
      AgentOutcome.LatestReport latest = outcome.latest().get();
      RolloutState state = RolloutState.of(latest.state());
      Optional<Instant> completedAt =
          state == RolloutState.COMPLETED ? Optional.of(latest.reportedAt()) : Optional.empty();
      return new AgentRollout(
          outcome.agentId(),
          outcome.agentName(),
          outcome.site(),
          state,
          completedAt,
          sincePublication(publishedAt, completedAt),
          new Traffic(latest.bytesFromPeers(), latest.bytesFromWebSeed()),
          Optional.ofNullable(latest.hookExitCode()),
          latest.message(),
          Optional.of(latest.reportedAt()));
    }
    Optional<Instant> trackerCompletion = outcome.trackerCompletedAt();
    return new AgentRollout(
        outcome.agentId(),
        outcome.agentName(),
        outcome.site(),
        trackerCompletion.isPresent() ? RolloutState.COMPLETED : RolloutState.NOT_STARTED,
        trackerCompletion,
        sincePublication(publishedAt, trackerCompletion),
        Traffic.NONE,
        Optional.empty(),
        trackerCompletion.isPresent() ? "completed at the tracker; no report from the agent" : "",
        Optional.empty());
  }

  private static Optional<Duration> sincePublication(Instant publishedAt, Optional<Instant> at) {
    // An agent clock a little ahead of the server's must not give negative durations.
    return at.map(t -> Duration.between(publishedAt, t))
        .map(d -> d.isNegative() ? Duration.ZERO : d);
  }

  private static List<ReleaseRollout.Milestone> milestones(List<AgentRollout> agents) {
    List<Duration> times =
        agents.stream()
            .map(AgentRollout::timeToComplete)
            .flatMap(Optional::stream)
            .sorted()
            .toList();
    List<ReleaseRollout.Milestone> milestones = new ArrayList<>();
    for (int percent : MILESTONES) {
      int needed = (int) Math.ceil(agents.size() * percent / 100.0);
      Optional<Duration> reached =
          needed > 0 && times.size() >= needed
              ? Optional.of(times.get(needed - 1))
              : Optional.empty();
      milestones.add(new ReleaseRollout.Milestone(percent, needed, reached));
    }
    return milestones;
  }

  private static List<ReleaseRollout.Site> sites(List<AgentRollout> agents) {
    Map<String, List<AgentRollout>> bySite = new LinkedHashMap<>();
    for (AgentRollout agent : agents) {
      bySite.computeIfAbsent(agent.site(), s -> new ArrayList<>()).add(agent);
    }
    List<ReleaseRollout.Site> sites = new ArrayList<>();
    bySite.forEach(
        (site, members) ->
            sites.add(
                new ReleaseRollout.Site(
                    site,
                    members.size(),
                    count(members, RolloutState.COMPLETED),
                    count(members, RolloutState.FAILED),
                    members.stream()
                        .map(AgentRollout::traffic)
                        .reduce(Traffic.NONE, Traffic::plus))));
    sites.sort(Comparator.comparing(ReleaseRollout.Site::name));
    return sites;
  }

  private static int count(List<AgentRollout> agents, RolloutState state) {
    return (int) agents.stream().filter(a -> a.state() == state).count();
  }
}
