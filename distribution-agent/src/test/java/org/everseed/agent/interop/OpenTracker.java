package org.everseed.agent.interop;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

  /**
   * Waits until the tracker counts at least one seeder of {@code infoHash} (its scrape says {@code
   * complete} is 1 or more), so a client started next is handed that seeder.
   */
  public void awaitSeeder(InfoHash infoHash, Duration timeout) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI scrape =
        URI.create("http://127.0.0.1:" + port + "/scrape?info_hash=" + infoHash.toUrlEncoded());
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String body =
          http.send(
                  HttpRequest.newBuilder(scrape).build(),
                  HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1))
              .body();
      if (body.matches("(?s).*8:completei[1-9][0-9]*e.*")) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("opentracker never saw a seeder of " + infoHash);
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
