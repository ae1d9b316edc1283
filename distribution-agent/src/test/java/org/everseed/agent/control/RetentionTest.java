package org.everseed.agent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.everseed.api.rest.agent.DistributionState;
import org.everseed.api.rest.agent.ReleaseAssignment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {

  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  @TempDir Path temp;
  final List<String> log = new ArrayList<>();

  private TrackedRelease installed(long id, String name, String channel, Duration age)
      throws Exception {
    return installed(id, name, "" + id, channel, age);
  }

  private TrackedRelease installed(
      long id, String name, String version, String channel, Duration age) throws Exception {
    Path folder = Files.createDirectories(temp.resolve(channel + "/" + name + "/" + version));
    Files.writeString(folder.resolve("payload"), "x");
    Files.setLastModifiedTime(folder, FileTime.from(NOW.minus(age)));
    TrackedRelease tracked =
        new TrackedRelease(
            new ReleaseAssignment(id, name, version, channel, "", "", false), folder);
    tracked.moveTo(DistributionState.COMPLETED);
    return tracked;
  }

  private Retention retention(int keep, Duration period) {
    return new Retention(keep, period, session -> {}, Clock.fixed(NOW, ZoneOffset.UTC), log::add);
  }

  @Test
  void keepsTheNewestVersionsAndRemovesOlderOnesPastRetention() throws Exception {
    TrackedRelease v1 = installed(1, "tool", "c", Duration.ofDays(10));
    TrackedRelease v2 = installed(2, "tool", "c", Duration.ofDays(9));
    TrackedRelease v3 = installed(3, "tool", "c", Duration.ofDays(8));
    TrackedRelease other = installed(4, "other", "c", Duration.ofDays(30));

    retention(2, Duration.ofDays(7)).apply(List.of(v3, v1, other, v2));

    assertFalse(Files.exists(v1.target()), "beyond keep.versions and past retention");
    assertEquals(DistributionState.FAILED, v1.state());
    assertTrue(Files.exists(v2.target()));
    assertTrue(Files.exists(v3.target()));
    assertTrue(Files.exists(other.target()), "the only version of its name");
    assertEquals(1, log.size(), log.toString());
  }

  @Test
  void olderVersionsWithinRetentionStay() throws Exception {
    TrackedRelease v1 = installed(1, "tool", "c", Duration.ofDays(3));
    TrackedRelease v2 = installed(2, "tool", "c", Duration.ofDays(1));

    retention(1, Duration.ofDays(7)).apply(List.of(v1, v2));

    assertTrue(Files.exists(v1.target()));
    assertEquals(DistributionState.COMPLETED, v1.state());
  }

  @Test
  void releasesStillDownloadingAreNotCounted() throws Exception {
    TrackedRelease v1 = installed(1, "tool", "c", Duration.ofDays(10));
    TrackedRelease v2 = installed(2, "tool", "c", Duration.ofDays(10));
    v2.moveTo(DistributionState.PROGRESS);

    retention(1, Duration.ofDays(7)).apply(List.of(v1, v2));

    assertTrue(Files.exists(v1.target()), "the newest installed version is kept");
  }

  /**
   * Issue 14: {@code erp-server 2.4.1} and {@code erp server-2.4.1} shared the folder {@code
   * erp-server-2.4.1}, so retention of erp's old versions deleted erp-server's release.
   */
  @Test
  void retentionOfOneNameNeverTouchesAnotherNamesFolder() throws Exception {
    TrackedRelease erpServer = installed(1, "erp-server", "2.4.1", "c", Duration.ofDays(30));
    TrackedRelease erpOld = installed(2, "erp", "server-2.4.1", "c", Duration.ofDays(30));
    TrackedRelease erpNew = installed(3, "erp", "server-2.5.0", "c", Duration.ofDays(1));

    retention(1, Duration.ofDays(7)).apply(List.of(erpServer, erpOld, erpNew));

    assertFalse(Files.exists(erpOld.target()));
    assertTrue(Files.exists(erpServer.target().resolve("payload")), "another name's release");
    assertTrue(Files.exists(erpNew.target()));
    assertTrue(Files.exists(temp.resolve("c/erp")), "erp still has a version");
  }
}
