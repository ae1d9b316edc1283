package org.everseed.agent.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real program started by a test: output to a log file, stopped by {@link #close} (the process
 * and everything it started, by PID). A missing program fails the test with the Debian package to
 * install; interop is proven, never skipped.
 */
public final class ExternalProcess implements AutoCloseable {

  private static final Map<String, String> DEBIAN_PACKAGES =
      Map.of(
          "aria2c", "aria2",
          "transmission-cli", "transmission-cli",
          "opentracker", "opentracker");

  private final Process process;
  private final Path log;
  private final String name;

  private ExternalProcess(Process process, Path log, String name) {
    this.process = process;
    this.log = log;
    this.name = name;
  }

  public static ExternalProcess start(Path workingDirectory, Path log, List<String> command)
      throws IOException {
    String program = command.get(0);
    Path executable = locate(program);
    List<String> full = new ArrayList<>(command);
    full.set(0, executable.toString());
    Files.createDirectories(workingDirectory);
    Process process =
        new ProcessBuilder(full)
            .directory(workingDirectory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    return new ExternalProcess(process, log, program);
  }

  static Path locate(String program) {
    for (String folder :
        System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      Path candidate = Path.of(folder, program);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    fail(
        program
            + " is not installed: apt-get install -y "
            + DEBIAN_PACKAGES.getOrDefault(program, program));
    throw new AssertionError("unreachable");
  }

  /** A TCP port nobody listens on right now. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Waits until something accepts TCP connections on 127.0.0.1:{@code port}. */
  public void awaitPort(int port, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        fail(name + " exited early with " + process.exitValue() + ":\n" + output());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    fail(name + " did not listen on " + port + " within " + timeout + ":\n" + output());
  }

  /** Waits for the process to exit by itself and returns its exit code. */
  public int awaitExit(Duration timeout) throws InterruptedException, IOException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      fail(name + " did not finish within " + timeout + ":\n" + output());
    }
    return process.exitValue();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  public String output() throws IOException {
    String text = Files.readString(log);
    return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
