package org.everseed.agent.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.everseed.api.metainfo.InfoHash;

/**
 * Debian's opentracker in whitelist mode on 127.0.0.1: the tracker real clients meet through. It is
 * built whitelist-only, so every info-hash a test uses goes into the {@code -w} file, and {@code -d
 * /} lets it read that file before it chroots.
 */
public final class OpenTracker implements AutoCloseable {

  private final ExternalProcess process;
  private final int port;
  private final Path readable;

  private OpenTracker(ExternalProcess process, int port, Path readable) {
    this.process = process;
    this.port = port;
    this.readable = readable;
  }

  /** The announce URL of a tracker that will listen on {@code port}. */
  public static String announceUrl(int port) {
    return "http://127.0.0.1:" + port + "/announce";
  }

  public static OpenTracker start(Path folder, int port, List<InfoHash> whitelist)
      throws IOException, InterruptedException {
    Files.createDirectories(folder);
    // opentracker reads the whitelist after dropping to user "nobody", which cannot enter JUnit's
    // private temporary folders: the list goes into a world-readable folder of its own.
    Path readable =
        Files.createTempDirectory(
            "everseed-opentracker-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    Path list = readable.resolve("whitelist");
    Files.write(list, whitelist.stream().map(InfoHash::toHex).toList());
    Files.setPosixFilePermissions(list, PosixFilePermissions.fromString("rw-r--r--"));
    ExternalProcess process =
        ExternalProcess.start(
            folder,
            folder.resolve("opentracker.log"),
            List.of(
                "opentracker",
                "-i",
                "127.0.0.1",
                "-p",
                Integer.toString(port),
                "-d",
                "/",
                "-w",
                list.toAbsolutePath().toString()));
    OpenTracker tracker = new OpenTracker(process, port, readable);
    try {
      process.awaitPort(port, Duration.ofSeconds(10));
    } catch (IOException | InterruptedException | AssertionError e) {
      tracker.close();
      throw e;
    }
    return tracker;
  }

  public String announceUrl() {
    return announceUrl(port);
  }

  @Override
  public void close() {
    process.close();
    try {
      Files.deleteIfExists(readable.resolve("whitelist"));
      Files.deleteIfExists(readable);
    } catch (IOException e) {
      // A leftover empty folder in /tmp is harmless.
    }
  }
}
