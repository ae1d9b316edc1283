package org.everseed.agent.control;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the operator's post-install command through {@code /bin/sh -c} once a release is in place,
 * with the release described in environment variables, and answers its exit status. A command that
 * outlives its timeout is killed and reported as exit status 124, as {@code timeout(1)} does.
 *
 * <pre>
 * EVERSEED_RELEASE_PATH       the release folder, e.g. /srv/releases/patches/linux-x64/tool-1.2
 * EVERSEED_RELEASE_NAME       tool
 * EVERSEED_RELEASE_VERSION    1.2
 * EVERSEED_RELEASE_CHANNEL    patches/linux-x64
 * EVERSEED_RELEASE_INFO_HASH  40 hex digits
 * </pre>
 */
public final class PostInstallHook {

  public static final int TIMED_OUT = 124;

  private final String command;
  private final Duration timeout;
  private final Path logFolder;

  public PostInstallHook(String command, Duration timeout, Path logFolder) {
    this.command = command;
    this.timeout = timeout;
    this.logFolder = logFolder;
  }

  public int run(Path releasePath, String name, String version, String channel, String infoHash)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(List.of("/bin/sh", "-c", command));
    builder.directory(releasePath.toFile());
    Map<String, String> environment = builder.environment();
    environment.put("EVERSEED_RELEASE_PATH", releasePath.toString());
    environment.put("EVERSEED_RELEASE_NAME", name);
    environment.put("EVERSEED_RELEASE_VERSION", version);
    environment.put("EVERSEED_RELEASE_CHANNEL", channel);
    environment.put("EVERSEED_RELEASE_INFO_HASH", infoHash);
    java.nio.file.Files.createDirectories(logFolder);
    Path log = logFolder.resolve("hook-" + infoHash + ".log");
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process process = builder.start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return TIMED_OUT;
      }
      return process.exitValue();
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }
}
