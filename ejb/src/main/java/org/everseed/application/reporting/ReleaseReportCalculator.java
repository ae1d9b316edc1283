package org.everseed.application.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.everseed.api.rest.report.AgentDistribution;
import org.everseed.api.rest.report.CompletionMilestone;
import org.everseed.api.rest.report.ReleaseReport;
import org.everseed.api.rest.report.SiteFigures;
import org.everseed.domain.model.distribution.AgentOutcome;
import org.everseed.domain.model.distribution.DistributionRecord.State;

/**
 * Turns the targeted agents' outcomes into a release report. An agent's own latest report decides
 * its state (it includes the post-install hook); the tracker's completion counts only for agents
 * that have not reported at all.
 */
public final class ReleaseReportCalculator {
  static final String NOT_STARTED = "NOT_STARTED";
  private static final int[] MILESTONES = {50, 90, 100};

  private ReleaseReportCalculator() {}

  /** The release's identity and publication, as the report heads them. */
  public record ReleaseHeading(
      long id, String name, String version, String channel, String status, Instant publishedAt) {}

  public static ReleaseReport calculate(ReleaseHeading release, List<AgentOutcome> outcomes) {
    List<AgentDistribution> agents = new ArrayList<>(outcomes.size());
    for (AgentOutcome outcome : outcomes) {
      agents.add(distribution(outcome, release.publishedAt()));
    }
    int completed = count(agents, State.COMPLETED.name());
    int failed = count(agents, State.FAILED.name());
    int notStarted = count(agents, NOT_STARTED);
    int started = agents.size() - notStarted;
    long peers = agents.stream().mapToLong(AgentDistribution::bytesFromPeers).sum();
    long webSeed = agents.stream().mapToLong(AgentDistribution::bytesFromWebSeed).sum();
    return new ReleaseReport(
        release.id(),
        release.name(),
        release.version(),
        release.channel(),
        release.status(),
        release.publishedAt(),
        agents.size(),
        started,
        started - completed - failed,
        completed,
        failed,
        notStarted,
        milestones(agents),
        peers,
        webSeed,
        offloadRatio(peers, webSeed),
        sites(agents),
        agents);
  }

  /** Bytes from peers over all bytes, or {@code null} when there were none. */
  public static Double offloadRatio(long fromPeers, long fromWebSeed) {
    long total = fromPeers + fromWebSeed;
    return total == 0 ? null : (double) fromPeers / total;
  }

  private static AgentDistribution distribution(AgentOutcome outcome, Instant publishedAt) {
    if (outcome.latest().isPresent()) {
      AgentOutcome.LatestReport latest = outcome.latest().get();
      Instant completedAt = latest.state() == State.COMPLETED ? latest.reportedAt() : null;
      return new AgentDistribution(
          outcome.agentId(),
          outcome.agentName(),
          outcome.site(),
          latest.state().name(),
          completedAt,
          sincePublication(publishedAt, completedAt),
          latest.bytesFromPeers(),
          latest.bytesFromWebSeed(),
          latest.hookExitCode(),
          latest.message(),
          latest.reportedAt());
    }
    Instant trackerCompletion = outcome.trackerCompletedAt().orElse(null);
    return new AgentDistribution(
        outcome.agentId(),
        outcome.agentName(),
        outcome.site(),
        trackerCompletion == null ? NOT_STARTED : State.COMPLETED.name(),
        trackerCompletion,
        sincePublication(publishedAt, trackerCompletion),
        0,
        0,
        null,
        trackerCompletion == null ? "" : "completed at the tracker; no report from the agent",
        null);
  }

  private static Long sincePublication(Instant publishedAt, Instant at) {
    // An agent clock a little ahead of the server's must not give negative durations.
    return at == null ? null : Math.max(0, Duration.between(publishedAt, at).toMillis());
  }

  private static List<CompletionMilestone> milestones(List<AgentDistribution> agents) {
    List<Long> times =
        agents.stream()
            .map(AgentDistribution::millisToComplete)
            .filter(t -> t != null)
            .sorted()
            .toList();
    List<CompletionMilestone> milestones = new ArrayList<>();
    for (int percent : MILESTONES) {
      int needed = (int) Math.ceil(agents.size() * percent / 100.0);
      Long reached = needed > 0 && times.size() >= needed ? times.get(needed - 1) : null;
      milestones.add(new CompletionMilestone(percent, needed, reached));
    }
    return milestones;
  }

  private static List<SiteFigures> sites(List<AgentDistribution> agents) {
    Map<String, List<AgentDistribution>> bySite = new LinkedHashMap<>();
    for (AgentDistribution agent : agents) {
      bySite.computeIfAbsent(agent.site(), s -> new ArrayList<>()).add(agent);
    }
    List<SiteFigures> sites = new ArrayList<>();
    bySite.forEach(
        (site, members) -> {
          long peers = members.stream().mapToLong(AgentDistribution::bytesFromPeers).sum();
          long webSeed = members.stream().mapToLong(AgentDistribution::bytesFromWebSeed).sum();
          sites.add(
              new SiteFigures(
                  site,
                  members.size(),
                  count(members, State.COMPLETED.name()),
                  count(members, State.FAILED.name()),
                  peers,
                  webSeed,
                  offloadRatio(peers, webSeed)));
        });
    sites.sort((a, b) -> a.site().compareTo(b.site()));
    return sites;
  }

  private static int count(List<AgentDistribution> agents, String state) {
    return (int) agents.stream().filter(a -> a.state().equals(state)).count();
  }
}
