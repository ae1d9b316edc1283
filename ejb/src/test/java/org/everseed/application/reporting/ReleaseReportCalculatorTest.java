package org.everseed.application.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.everseed.api.rest.report.ReleaseReport;
import org.everseed.domain.model.distribution.AgentOutcome;
import org.everseed.domain.model.distribution.DistributionRecord.State;
import org.junit.jupiter.api.Test;

class ReleaseReportCalculatorTest {
  private static final Instant PUBLISHED = Instant.parse("2026-11-01T10:00:00Z");
  private static final ReleaseReportCalculator.ReleaseHeading RELEASE =
      new ReleaseReportCalculator.ReleaseHeading(
          7, "erp", "2.4", "releases/erp", "ACTIVE", PUBLISHED);

  @Test
  void milestonesRoundTheShareOfTargetedAgentsUp() {
    // 3 targeted: 50 % needs 2 agents, 90 % and 100 % need 3.
    ReleaseReport report =
        ReleaseReportCalculator.calculate(
            RELEASE,
            List.of(
                reported(1, "lyon", State.COMPLETED, 60, 300, 100),
                reported(2, "lyon", State.COMPLETED, 30, 100, 0),
                reported(3, "paris", State.PROGRESS, 90, 50, 50)));
    assertEquals(2, report.milestones().get(0).agentsNeeded());
    assertEquals(60_000L, report.milestones().get(0).millisFromPublish());
    assertEquals(3, report.milestones().get(1).agentsNeeded());
    assertNull(report.milestones().get(1).millisFromPublish());
    assertNull(report.milestones().get(2).millisFromPublish());
    assertEquals(3, report.started());
    assertEquals(1, report.inProgress());
    assertEquals(450, report.bytesFromPeers());
    assertEquals(150, report.bytesFromWebSeed());
    assertEquals(0.75, report.offloadRatio());
    assertEquals("lyon", report.sites().get(0).site());
    assertEquals(400.0 / 500, report.sites().get(0).offloadRatio());
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
    ReleaseReport report =
        ReleaseReportCalculator.calculate(RELEASE, List.of(silent, failedAfterDownload, idle));
    assertEquals(List.of("COMPLETED", "FAILED", "NOT_STARTED"), states(report));
    assertEquals(120_000L, report.agents().get(0).millisToComplete());
    assertEquals(1, report.completed());
    assertEquals(1, report.failed());
    assertEquals(1, report.notStarted());
    assertEquals(0, report.inProgress());
  }

  @Test
  void nothingReceivedHasNoOffloadRatioAndNoAgentsReachNoMilestone() {
    ReleaseReport report = ReleaseReportCalculator.calculate(RELEASE, List.of());
    assertNull(report.offloadRatio());
    assertEquals(0, report.milestones().get(2).agentsNeeded());
    assertNull(report.milestones().get(2).millisFromPublish());
  }

  private static List<String> states(ReleaseReport report) {
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
