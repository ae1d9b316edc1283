package org.everseed.domain.model.release;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReleaseNamingTest {
  private final ReleaseNaming naming =
      new ReleaseNaming(Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));

  @ParameterizedTest
  @CsvSource({
    "erp-server-2.4.1-linux-x64.tar.gz, erp-server, 2.4.1-linux-x64",
    "agent_1.0.0.deb, agent, 1.0.0",
    "erp-suite-3.2.0, erp-suite, 3.2.0",
    "tool-1.0, tool, 1.0",
    "KB5031356-v2.msu, KB5031356, 2",
    "dataset-v12.parquet, dataset, 12",
    "tools/bin/backup-tool-3.1.zip, backup-tool, 3.1",
    "C:\\builds\\setup-9.exe, setup, 9",
    "prices.csv, prices, 2026.11.22",
    "README, README, 2026.11.22",
    "2024-report.pdf, 2024-report, 2026.11.22",
    ".hidden, .hidden, 2026.11.22"
  })
  void guessesNameAndVersionFromTheFileName(String file, String name, String version) {
    assertEquals(new ReleaseNaming.Guess(name, version), naming.guess(file));
  }

  @ParameterizedTest
  @CsvSource({
    "fix.patch, PATCH",
    "KB5031356.MSU, PATCH",
    "app.deb, APPLICATION",
    "app.tar.gz, APPLICATION",
    "disk.qcow2, IMAGE",
    "data.parquet, DATASET",
    "manual.pdf, DOCUMENT",
    "blob.bin, OTHER",
    "noextension, OTHER",
    "trailingdot., OTHER"
  })
  void guessesKindFromTheExtension(String file, ReleaseKind kind) {
    assertEquals(kind, ReleaseKind.guessFromFileName(file));
  }
}
