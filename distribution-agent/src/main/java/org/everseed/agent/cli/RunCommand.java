package org.everseed.agent.cli;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.everseed.agent.Agent;
import org.everseed.agent.control.AgentSettings;
import org.everseed.agent.control.ControlPlane;
import org.everseed.agent.control.Json;
import org.everseed.agent.control.PostInstallHook;
import org.everseed.agent.control.ServerClient;
import org.everseed.agent.control.ServerTrust;
import org.everseed.agent.peer.FleetTls;
import org.everseed.agent.peer.IdentityFiles;

/** {@code run}: the daemon, driven by the server; see {@code docs/agent.md} for the settings. */
final class RunCommand implements Command {

  @Override
  public String name() {
    return "run";
  }

  @Override
  public String usage() {
    return "--config <agent.properties> [--log-format text|json]";
  }

  @Override
  public String summary() {
    return "run the agent daemon: enrol, fetch releases of its channels, install, report, seed";
  }

  @Override
  public String help() {
    return """
            --config <file>         the settings file (see docs/agent.md)
            --log-format <format>   text (default) or json: one JSON object per line on stderr
        """;
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    Arguments arguments = Arguments.parse(args, Set.of("config", "log-format"), Set.of(), Map.of());
    String format = arguments.option("log-format").orElse("text");
    if (!format.equals("text") && !format.equals("json")) {
      throw new UsageException("--log-format is text or json");
    }
    Consumer<String> log =
        format.equals("json")
            ? message ->
                err.println(
                    "{\"time\":\""
                        + Instant.now()
                        + "\",\"logger\":\"everseed-agent\",\"message\":"
                        + Json.quote(message)
                        + "}")
            : message -> err.println(Instant.now() + " " + message);
    String config =
        arguments.option("config").orElseThrow(() -> new UsageException("--config is required"));
    AgentSettings settings;
    try {
      settings = AgentSettings.load(Path.of(config));
    } catch (IllegalArgumentException e) {
      throw new UsageException(config + ": " + e.getMessage());
    }
    CountDownLatch stopped = new CountDownLatch(1);
    ServerTrust.apply(settings);
    Optional<FleetTls> tls = fleetIdentity(settings.stateDir().resolve("identity"), log);
    try (Agent agent = Agent.start(settings.engine(), tls)) {
      HttpClient http =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build();
      ControlPlane control =
          new ControlPlane(
              settings,
              agent,
              new ServerClient(http, settings),
              settings
                  .postInstallHook()
                  .map(
                      command ->
                          new PostInstallHook(
                              command, settings.hookTimeout(), settings.stateDir())),
              Executors.newScheduledThreadPool(2),
              log);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    control.close();
                    agent.close();
                    stopped.countDown();
                  }));
      log.accept("everseed-agent listening on port " + agent.listenPort() + ", " + settings);
      control.start();
      stopped.await();
    }
    return Main.OK;
  }

  /**
   * The fleet identity in {@code folder} ({@link IdentityFiles}), if there is one; a broken one is
   * reported and left out (private channels then have no peers) rather than stopping the daemon.
   */
  static Optional<FleetTls> fleetIdentity(Path folder, Consumer<String> log) {
    if (!IdentityFiles.present(folder)) {
      log.accept("no fleet identity in " + folder + ": TLS peers are off");
      return Optional.empty();
    }
    try {
      FleetTls tls = IdentityFiles.load(folder);
      log.accept("fleet identity from " + folder + ": TLS peers on");
      return Optional.of(tls);
    } catch (java.io.IOException | java.security.GeneralSecurityException e) {
      log.accept(
          "fleet identity in " + folder + " is unusable, TLS peers are off: " + e.getMessage());
      return Optional.empty();
    }
  }
}
