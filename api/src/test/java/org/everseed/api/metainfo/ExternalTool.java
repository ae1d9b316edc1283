package org.everseed.api.metainfo;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real BitTorrent program from a Debian package, bounded by a timeout. A missing program
 * fails the test with the package to install: interop is proven, never skipped.
 */
final class ExternalTool {

  private static final Map<String, String> DEBIAN_PACKAGES =
      Map.of(
          "mktorrent", "mktorrent",
          "transmission-show", "transmission-cli",
          "transmission-create", "transmission-cli",
          "aria2c", "aria2");

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  record Result(int exitCode, String output) {}

  private ExternalTool() {}

  /** Runs {@code command} in {@code workingDirectory}; stdout and stderr are merged. */
  static Result run(Path workingDirectory, String... command)
      throws IOException, InterruptedException {
    String program = command[0];
    Path executable = locate(program);
    List<String> full = new ArrayList<>(List.of(command));
    full.set(0, executable.toString());
    Path output = Files.createTempFile("everseed-tool-", ".log");
    Process process =
        new ProcessBuilder(full)
            .directory(workingDirectory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    try {
      if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        fail(program + " did not finish within " + TIMEOUT + ": " + String.join(" ", command));
      }
      return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      Files.deleteIfExists(output);
    }
  }

  /** Runs {@code command} and fails the test unless it exits with 0. */
  static String runOk(Path workingDirectory, String... command)
      throws IOException, InterruptedException {
    Result result = run(workingDirectory, command);
    if (result.exitCode() != 0) {
      fail(
          String.join(" ", command)
              + " exited with "
              + result.exitCode()
              + ":\n"
              + result.output());
    }
    return result.output();
  }

  private static Path locate(String program) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String directory : path.split(File.pathSeparator)) {
      Path candidate = Path.of(directory, program);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return fail(
        program
            + " is not installed; interop tests need it: apt-get install -y "
            + DEBIAN_PACKAGES.getOrDefault(program, program));
  }

  /** The info-hash a tool printed on a line such as "Hash: ..." or "Info Hash: ...". */
  static String infoHashIn(String output, String label) {
    for (String line : output.split("\n")) {
      String trimmed = line.trim();
      if (trimmed.startsWith(label)) {
        return trimmed.substring(label.length()).trim().toLowerCase(java.util.Locale.ROOT);
      }
    }
    return fail("no '" + label + "' line in:\n" + output);
  }
}
