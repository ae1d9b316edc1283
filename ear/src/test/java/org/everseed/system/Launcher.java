package org.everseed.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

  private Launcher() {}

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
                  root.resolve("ear/target/wildfly"),
                  runDir,
                  Integer.getInteger("everseed.port.offset", 0),
                  "everseed",
                  false,
                  Duration.ofSeconds(240),
                  Map.of(),
                  root.resolve("ear/target/keycloak"),
                  root.resolve("ear/src/main/keycloak/everseed-realm.json"),
                  Integer.getInteger("everseed.keycloak.port", KeycloakServer.HTTP_PORT)),
              progress);
    } catch (HarnessException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("Stopping Everseed...");
                  system.close();
                  deletePidFile(runDir);
                  stopped.countDown();
                },
                "launcher-stop"));
    writePidFile(runDir);
    String base = system.wildFly().baseUrl();
    System.out.printf(
        """

        Everseed is up (%.1f s).
          Portal        %s/
          REST API      %s/api/v1  (health: %s/api/v1/health)
          OpenAPI       %s/openapi
          Management    %s/health
          Keycloak      %s/admin  (%s / %s, realm %s)
          Database      %s
          Server log    %s

        Demo accounts (local runs only; sign in to the portal):
        %s
        Service accounts (client credentials): ci-pipeline / ci-pipeline-dev-secret (publisher),
          everseed-agent / everseed-agent-dev-secret (agent); token endpoint %s
        Stop with Ctrl-C or ./everseed stop
        """,
        progress.elapsed().toMillis() / 1000.0,
        base,
        base,
        base,
        base,
        system.wildFly().managementUrl(),
        system.keycloak().baseUrl(),
        KeycloakServer.ADMIN_USER,
        KeycloakServer.ADMIN_PASSWORD,
        KeycloakServer.REALM,
        system.database().url(),
        system.wildFly().log(),
        demoAccounts(),
        system.keycloak().tokenEndpoint());
    stopped.await();
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
