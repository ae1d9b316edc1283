package org.everseed.application.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.everseed.domain.model.distribution.AgentOutcome;
import org.everseed.domain.model.distribution.DistributionRecord.State;
import org.everseed.domain.model.release.ReleaseId;
import org.everseed.domain.model.release.ReleaseStatus;
import org.junit.jupiter.api.Test;

class ReleaseReportCalculatorTest {
  private static final Instant PUBLISHED = Instant.parse("2026-11-01T10:00:00Z");
  private static final ReleaseHeading RELEASE =
      new ReleaseHeading(
          new ReleaseId(7), "erp", "2.4", "releases/erp", ReleaseStatus.ACTIVE, PUBLISHED);

  @Test
  void milestonesRoundTheShareOfTargetedAgentsUp() {
    // 3 targeted: 50 % needs 2 agents, 90 % and 100 % need 3.
    ReleaseRollout report =
        ReleaseReportCalculator.calculate(
            RELEASE,
            List.of(
                reported(1, "lyon", State.COMPLETED, 60, 300, 100),
                reported(2, "lyon", State.COMPLETED, 30, 100, 0),
                reported(3, "paris", State.PROGRESS, 90, 50, 50)));
    assertEquals(2, report.milestones().get(0).agentsNeeded());
    assertEquals(Optional.of(Duration.ofSeconds(60)), report.milestones().get(0).reachedAfter());
    assertEquals(3, report.milestones().get(1).agentsNeeded());
    assertEquals(Optional.empty(), report.milestones().get(1).reachedAfter());
    assertEquals(Optional.empty(), report.milestones().get(2).reachedAfter());
    assertEquals(3, report.started());
    assertEquals(1, report.inProgress());
    assertEquals(new Traffic(450, 150), report.traffic());
    assertEquals(OptionalDouble.of(0.75), report.traffic().offloadRatio());
    assertEquals("lyon", report.sites().get(0).name());
    assertEquals(OptionalDouble.of(400.0 / 500), report.sites().get(0).traffic().offloadRatio());
  }

  @Test
  void theTrackerCompletesOnlyAgentsThatHaveNotReported() {
    AgentOutcome silent =
        new AgentOutcome(
            4, "a4", "paris", Optional.empty(), Optional.of(PUBLISHED.plusSeconds(120)));
    AgentOutcome failedAfterDownload =
        new AgentOutcome(
            5,
            "a5",
            "paris",
            Optional.of(
                new AgentOutcome.LatestReport(
                    State.FAILED, PUBLISHED.plusSeconds(200), 10, 0, 3, "hook failed")),
            Optional.of(PUBLISHED.plusSeconds(100)));
    AgentOutcome idle = new AgentOutcome(6, "a6", "paris", Optional.empty(), Optional.empty());
    ReleaseRollout report =
        ReleaseReportCalculator.calculate(RELEASE, List.of(silent, failedAfterDownload, idle));
    assertEquals(
        List.of(RolloutState.COMPLETED, RolloutState.FAILED, RolloutState.NOT_STARTED),
        states(report));
    assertEquals(Optional.of(Duration.ofMinutes(2)), report.agents().get(0).timeToComplete());
    assertEquals(1, report.completed());
    assertEquals(1, report.failed());
    assertEquals(1, report.notStarted());
    assertEquals(0, report.inProgress());
  }

  @Test
  void nothingReceivedHasNoOffloadRatioAndNoAgentsReachNoMilestone() {
    ReleaseRollout report = ReleaseReportCalculator.calculate(RELEASE, List.of());
    assertEquals(OptionalDouble.empty(), report.traffic().offloadRatio());
    assertEquals(0, report.milestones().get(2).agentsNeeded());
    assertEquals(Optional.empty(), report.milestones().get(2).reachedAfter());
  }

  private static List<RolloutState> states(ReleaseRollout report) {
    return report.agents().stream().map(a -> a.state()).toList();
  }

  private static AgentOutcome reported(
      long id, String site, State state, int secondsAfterPublish, long peers, long webSeed) {
    return new AgentOutcome(
        id,
        "agent-" + id,
        site,
        Optional.of(
            new AgentOutcome.LatestReport(
                state, PUBLISHED.plusSeconds(secondsAfterPublish), peers, webSeed, 0, "")),
        Optional.empty());
  }
}
