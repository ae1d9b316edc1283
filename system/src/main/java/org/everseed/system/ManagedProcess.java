package org.everseed.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;

/**
 * A server process the harness started and therefore stops: by PID, with its whole process tree (a
 * start script's children included), gracefully first and forcibly after a grace period. Its output
 * goes to a log file whose tail is quoted when it fails to come up.
 */
public final class ManagedProcess implements AutoCloseable {
  private static final Duration GRACE = Duration.ofSeconds(20);

  private final String name;
  private final Process process;
  private final Path log;
  private final Thread shutdownHook;

  private ManagedProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
    // Safety net: a JVM that exits without closing us (Ctrl-C, a crashed test run) still stops it.
    this.shutdownHook = new Thread(this::stopTree, "stop-" + name);
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts {@code command} in {@code dir} with extra environment, output appended to {@code log}.
   */
  public static ManagedProcess start(
      String name, List<String> command, Path dir, Map<String, String> env, Path log) {
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(env);
      return new ManagedProcess(name, builder.start(), log);
    } catch (IOException e) {
      throw new HarnessException("cannot start " + name + ": " + e.getMessage(), e);
    }
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Polls {@code url} until its status satisfies {@code ready}; fails early if the process dies and
   * with the log's tail once {@code timeout} has passed.
   */
  public void awaitHttp(String url, IntPredicate ready, Duration timeout) {
    awaitHttp(
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), url, ready, timeout);
  }

  /** As {@link #awaitHttp(String, IntPredicate, Duration)}, with the client given (e.g. https). */
  public void awaitHttp(HttpClient http, String url, IntPredicate ready, Duration timeout) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
    Instant deadline = Instant.now().plus(timeout);
    int lastStatus = -1;
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new HarnessException(
            name + " exited with status " + process.exitValue() + " while starting" + logTail());
      }
      try {
        lastStatus = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (ready.test(lastStatus)) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new HarnessException("interrupted while waiting for " + name, e);
      }
      sleep(Duration.ofMillis(250));
    }
    throw new HarnessException(
        name
            + " was not ready within "
            + timeout.toSeconds()
            + " s ("
            + url
            + " last answered "
            + lastStatus
            + ")"
            + logTail());
  }

  /** The last lines of the log, prefixed for an error message. */
  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      List<String> tail = lines.subList(Math.max(0, lines.size() - 15), lines.size());
      return "; last lines of " + log + ":\n  " + String.join("\n  ", tail);
    } catch (IOException e) {
      return "; see " + log;
    }
  }

  @Override
  public void close() {
    stopTree();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook is running or has run.
    }
  }

  private void stopTree() {
    List<ProcessHandle> tree =
        process.toHandle().descendants().filter(ProcessHandle::isAlive).toList();
    tree.forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
      }
      for (ProcessHandle child : tree) {
        child.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (Exception e) {
      tree.forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HarnessException("interrupted", e);
    }
  }
}
