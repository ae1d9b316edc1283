package org.everseed.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * {@code ./everseed start}: starts the whole system on loopback in the foreground, prints where to
 * find it and keeps it up until Ctrl-C or {@code ./everseed stop} (which signals this process by
 * the PID it writes to {@code run/launcher.pid}); then stops everything it started.
 */
public final class Launcher {
  /**
   * The demo users of the committed realm, for local runs only; {@code AuthenticationIT} signs each
   * in.
   */
  public static final List<DemoAccount> DEMO_ACCOUNTS =
      List.of(
          new DemoAccount("publisher", "publisher-demo", "publishes releases"),
          new DemoAccount("auditor", "auditor-demo", "reads distribution reports"),
          new DemoAccount("admin", "admin-demo", "manages channels and agents"));

  /**
   * The demo fleet: one agent in each of two sites, subscribed to {@value #DEMO_CHANNEL} (and its
   * sub-channels), so a release published there is seen spreading across sites.
   */
  public static final List<DemoAgent> DEMO_AGENTS =
      List.of(new DemoAgent("demo-berlin", "berlin", 0), new DemoAgent("demo-paris", "paris", 1));

  /** The channel the demo agents subscribe to and the printed {@code curl} publishes into. */
  public static final String DEMO_CHANNEL = "demo";

  /** The demo agents' peer ports start here (plus the port offset). */
  public static final int AGENT_BASE_PORT = 6881;

  private Launcher() {}

  /** A demo agent: its name (and folder under {@code run/agents}), site and port slot. */
  public record DemoAgent(String name, String site, int portSlot) {}

  /** A demo user of the {@code everseed} realm and what its role lets it do. */
  public record DemoAccount(String username, String password, String purpose) {}

  public static void main(String[] args) throws InterruptedException {
    Path root = Path.of(System.getProperty("everseed.root", ".")).toAbsolutePath().normalize();
    Path runDir = root.resolve("run");
    Progress progress = Progress.console();
    EverseedSystem system;
    try {
      system =
          EverseedSystem.start(
              new EverseedSystem.Settings(
                  root.resolve("system/target/wildfly"),
                  runDir,
                  Integer.getInteger("everseed.port.offset", 0),
                  "everseed",
                  false,
                  Duration.ofSeconds(240),
                  Map.of(),
                  root.resolve("system/target/keycloak"),
                  root.resolve("system/src/main/keycloak/everseed-realm.json"),
                  Integer.getInteger("everseed.keycloak.port", KeycloakServer.HTTP_PORT)),
              progress);
    } catch (HarnessException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    int portOffset = Integer.getInteger("everseed.port.offset", 0);
    List<AgentProcess> agents = new ArrayList<>();
    try {
      for (DemoAgent demo : DEMO_AGENTS) {
        agents.add(
            AgentProcess.start(
                new AgentProcess.Spec(
                    root.resolve("distribution-agent/target/everseed-agent.jar"),
                    runDir.resolve("agents").resolve(demo.name()),
                    demo.name(),
                    demo.site(),
                    AGENT_BASE_PORT + portOffset + demo.portSlot(),
                    List.of(DEMO_CHANNEL),
                    system.wildFly().httpsUrl(),
                    system.keycloak().tokenEndpoint(),
                    KeycloakServer.AGENT_CLIENT,
                    KeycloakServer.AGENT_SECRET,
                    Duration.ofSeconds(5),
                    system.wildFly().tls().certificate()),
                Duration.ofSeconds(60),
                progress));
      }
    } catch (HarnessException e) {
      System.err.println("error: " + e.getMessage());
      stopAll(agents, system);
      System.exit(2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("Stopping Everseed...");
                  stopAll(agents, system);
                  deletePidFile(runDir);
                  stopped.countDown();
                },
                "launcher-stop"));
    writePidFile(runDir);
    String base = system.wildFly().httpsUrl();
    System.out.printf(
        """

        Everseed is up (%.1f s).
          Portal        %s/  (also %s/)
          REST API      %s/api/v1  (health: %s/api/v1/health)
          OpenAPI       %s/openapi
          HTTPS         development certificate %s (trusted by the demo agents; curl --cacert)
          Management    %s/health
          Keycloak      %s/admin  (%s / %s, realm %s)
          Database      %s
          Server log    %s

        Demo accounts (local runs only; sign in to the portal):
        %s
        Service accounts (client credentials): ci-pipeline / ci-pipeline-dev-secret (publisher),
          everseed-agent / everseed-agent-dev-secret (agent); token endpoint %s

        Demo agents (channel '%s'; folders, settings and logs under %s):
        %s

        Publish a file from the command line (any file in place of README.md; the same content
        twice answers 409 with the existing release). The agents install it under
        <folder>/releases/%s/:
          %s

        Stop with Ctrl-C or ./everseed stop
        """,
        progress.elapsed().toMillis() / 1000.0,
        base,
        system.wildFly().baseUrl(),
        base,
        base,
        base,
        system.wildFly().tls().certificate(),
        system.wildFly().managementUrl(),
        system.keycloak().baseUrl(),
        KeycloakServer.ADMIN_USER,
        KeycloakServer.ADMIN_PASSWORD,
        KeycloakServer.REALM,
        system.database().url(),
        system.wildFly().log(),
        demoAccounts(),
        system.keycloak().tokenEndpoint(),
        DEMO_CHANNEL,
        runDir.resolve("agents"),
        demoAgents(agents),
        DEMO_CHANNEL,
        publishCommand(
            system.keycloak().tokenEndpoint(),
            base,
            system.wildFly().tls().certificate(),
            DEMO_CHANNEL,
            root.resolve("README.md")));
    stopped.await();
  }

  /**
   * One line a user can paste: a publisher token by client credentials, then the multipart publish.
   * The token is cut out with sed so the line needs nothing beyond curl. {@code EndToEndIT}
   * publishes its release with exactly this line.
   *
   * @param caCertificate the server's certificate for curl's {@code --cacert} (the development
   *     certificate is self-signed)
   */
  public static String publishCommand(
      String tokenEndpoint, String baseUrl, Path caCertificate, String channel, Path file) {
    return "TOKEN=$(curl -sS -d grant_type=client_credentials -d client_id="
        + KeycloakServer.CI_CLIENT
        + " -d client_secret="
        + KeycloakServer.CI_SECRET
        + " "
        + tokenEndpoint
        + " | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')"
        + " && curl -sS --cacert "
        + caCertificate
        + " -H \"Authorization: Bearer $TOKEN\" -F channel="
        + channel
        + " -F file=@"
        + file
        + " "
        + baseUrl
        + "/api/v1/releases";
  }

  /** Agents first (they report to the server), then the server, Keycloak and the database. */
  private static void stopAll(List<AgentProcess> agents, EverseedSystem system) {
    List<AgentProcess> reverse = new ArrayList<>(agents);
    Collections.reverse(reverse);
    for (AgentProcess agent : reverse) {
      agent.close();
    }
    system.close();
  }

  private static String demoAgents(List<AgentProcess> agents) {
    return agents.stream()
        .map(
            a ->
                String.format(
                    "  %-12s site %-7s agent %d, pid %d, log %s",
                    a.name(), a.site(), a.agentId(), a.pid(), a.log()))
        .collect(Collectors.joining("\n"));
  }

  private static String demoAccounts() {
    return DEMO_ACCOUNTS.stream()
        .map(a -> String.format("  %-9s / %-16s %s", a.username(), a.password(), a.purpose()))
        .collect(Collectors.joining("\n"));
  }

  private static void writePidFile(Path runDir) {
    try {
      Files.createDirectories(runDir);
      Files.writeString(runDir.resolve("launcher.pid"), ProcessHandle.current().pid() + "\n");
    } catch (IOException e) {
      throw new HarnessException("cannot write " + runDir.resolve("launcher.pid"), e);
    }
  }

  private static void deletePidFile(Path runDir) {
    try {
      Files.deleteIfExists(runDir.resolve("launcher.pid"));
    } catch (IOException e) {
      // Stale pid files are detected by ./everseed stop; nothing else to do while exiting.
    }
  }
}
