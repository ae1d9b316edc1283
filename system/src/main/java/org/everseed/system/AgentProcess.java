package org.everseed.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A distribution agent daemon ({@code everseed-agent run}) as a real process: its own folder (the
 * generated {@code agent.properties}, {@code downloads/}, {@code releases/}, {@code agent.log}),
 * its own peer port on 127.0.0.1, stopped by PID with the rest of the system.
 */
public final class AgentProcess implements AutoCloseable {
  private static final Pattern ENROLLED = Pattern.compile("enrolled as agent (\\d+)");

  private final Spec spec;
  private final ManagedProcess process;
  private final long agentId;

  private AgentProcess(Spec spec, ManagedProcess process, long agentId) {
    this.spec = spec;
    this.process = process;
    this.agentId = agentId;
  }

  /**
   * Writes the agent's settings into {@code spec.dir()}, starts it and waits until it has enrolled
   * with the server (its log says so), failing early if it exits.
   */
  public static AgentProcess start(Spec spec, Duration timeout, Progress progress) {
    if (!Files.isRegularFile(spec.agentJar())) {
      throw new HarnessException(
          "no agent jar at "
              + spec.agentJar()
              + " (build it with ./mvnw -B -pl api,distribution-agent -am package -DskipTests)");
    }
    Path config = writeConfig(spec);
    progress.step(
        "Agent "
            + spec.name()
            + ": starting (site "
            + spec.site()
            + ", port "
            + spec.port()
            + ", folder "
            + spec.dir()
            + ")");
    ManagedProcess process =
        ManagedProcess.start(
            "agent " + spec.name(),
            List.of(
                javaExecutable(),
                "-Xmx256m",
                "-jar",
                spec.agentJar().toString(),
                "run",
                "--config",
                config.toString()),
            spec.dir(),
            Map.of(),
            spec.dir().resolve("agent.log"));
    try {
      long agentId = awaitEnrolment(process, timeout);
      progress.step(
          "Agent "
              + spec.name()
              + ": enrolled as agent "
              + agentId
              + " (pid "
              + process.pid()
              + ")");
      return new AgentProcess(spec, process, agentId);
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
  }

  public String name() {
    return spec.name();
  }

  public String site() {
    return spec.site();
  }

  public long agentId() {
    return agentId;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Path log() {
    return process.log();
  }

  public String logTail() {
    return process.logTail();
  }

  /** Where the agent installs releases: {@code <targetDir>/<channel>/<name>/<version>/}. */
  public Path targetDir() {
    return spec.dir().resolve("releases");
  }

  public Path downloadDir() {
    return spec.dir().resolve("downloads");
  }

  @Override
  public void close() {
    process.close();
  }

  private static Path writeConfig(Spec spec) {
    Properties p = new Properties();
    p.setProperty("server.url", spec.serverUrl());
    p.setProperty("keycloak.token-url", spec.tokenUrl());
    p.setProperty("client.id", spec.clientId());
    p.setProperty("client.secret", spec.clientSecret());
    p.setProperty("agent.name", spec.name());
    p.setProperty("agent.site", spec.site());
    p.setProperty("channels", String.join(",", spec.channels()));
    p.setProperty("download.dir", spec.dir().resolve("downloads").toString());
    p.setProperty("target.dir", spec.dir().resolve("releases").toString());
    p.setProperty("listen.host", "127.0.0.1");
    p.setProperty("listen.port", String.valueOf(spec.port()));
    // The whole fleet runs on 127.0.0.1: that one loopback address may be dialled, no other.
    p.setProperty("peers.allow-loopback", "true");
    p.setProperty("peers.loopback-addresses", "127.0.0.1");
    p.setProperty("poll.interval", spec.pollInterval().toSeconds() + "s");
    p.setProperty("heartbeat.interval", "30s");
    // The server's development certificate (an https server.url is required unless insecure=true)
    p.setProperty("server.trust", spec.serverTrust().toAbsolutePath().toString());
    Path config = spec.dir().resolve("agent.properties");
    try {
      Files.createDirectories(spec.dir());
      // A fresh log: readiness is read from it, and an earlier run's enrolment must not count.
      Files.deleteIfExists(spec.dir().resolve("agent.log"));
      try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
        p.store(out, "Written by the Everseed system harness for agent " + spec.name());
      }
      return config;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + config, e);
    }
  }

  private static long awaitEnrolment(ManagedProcess process, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      try {
        if (Files.exists(process.log())) {
          Matcher m = ENROLLED.matcher(Files.readString(process.log(), StandardCharsets.UTF_8));
          if (m.find()) {
            return Long.parseLong(m.group(1));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (!process.isAlive()) {
        throw new HarnessException("the agent exited while enrolling" + process.logTail());
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new HarnessException("interrupted while waiting for an agent", e);
      }
    }
    throw new HarnessException(
        "the agent did not enrol within " + timeout.toSeconds() + " s" + process.logTail());
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * One agent of a demo or test fleet.
   *
   * @param agentJar {@code distribution-agent/target/everseed-agent.jar} (its {@code lib/} beside)
   * @param dir the agent's own folder (settings, downloads, installed releases, log)
   * @param name its name in the fleet (enrolment re-uses an agent of the same name)
   * @param site peers of the same site are preferred by the tracker
   * @param port its peer port on 127.0.0.1
   * @param channels the channels it subscribes to
   * @param serverUrl the Everseed server
   * @param tokenUrl Keycloak's token endpoint for client credentials
   * @param pollInterval how often it asks for new releases
   */
  public record Spec(
      Path agentJar,
      Path dir,
      String name,
      String site,
      int port,
      List<String> channels,
      String serverUrl,
      String tokenUrl,
      String clientId,
      String clientSecret,
      Duration pollInterval,
      Path serverTrust) {
    public Spec {
      channels = List.copyOf(channels);
    }
  }
}
