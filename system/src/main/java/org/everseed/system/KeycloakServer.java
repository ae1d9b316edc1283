package org.everseed.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real Keycloak from Maven Central ({@code keycloak-quarkus-dist}, unpacked by the build into
 * {@code system/target/keycloak}), run in development mode on loopback with an in-memory database
 * and the {@code everseed} realm imported from the repository at every start, so each run begins
 * with the realm as committed. Several instances (the launcher's, a test run's) share the unpacked
 * distribution but nothing else: each has its own ports and its own in-memory data.
 *
 * <p>The first start after a build takes about a minute (Quarkus re-augments the server for the
 * development profile and keeps the result in the distribution); later starts about 12 s.
 */
public final class KeycloakServer implements AutoCloseable {
  public static final int HTTP_PORT = 8280;
  public static final int MANAGEMENT_PORT = 9280;
  public static final String REALM = "everseed";

  /** The bootstrap administrator of the {@code master} realm: development only, loopback only. */
  public static final String ADMIN_USER = "keycloak-admin";

  public static final String ADMIN_PASSWORD = "keycloak-admin-dev";

  /** The realm's CI service account (role {@code publisher}); its development secret. */
  public static final String CI_CLIENT = "ci-pipeline";

  public static final String CI_SECRET = "ci-pipeline-dev-secret";

  /** The realm's agent client (role {@code agent}) every demo and test agent enrols with. */
  public static final String AGENT_CLIENT = "everseed-agent";

  public static final String AGENT_SECRET = "everseed-agent-dev-secret";

  private static final Pattern ACCESS_TOKEN =
      Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

  private final ManagedProcess process;
  private final int httpPort;
  private final Instant startedAt;
  private Duration startTime;

  private KeycloakServer(ManagedProcess process, int httpPort, Instant startedAt) {
    this.process = process;
    this.httpPort = httpPort;
    this.startedAt = startedAt;
  }

  /**
   * Launches Keycloak without waiting for it (it takes longer than anything else to start); call
   * {@link #awaitReady} before using it.
   *
   * @param home the unpacked distribution
   * @param realmJson the realm to import, copied to the distribution's {@code data/import}
   * @param logDir where its console log goes
   */
  public static KeycloakServer launch(
      Path home, Path realmJson, int httpPort, int managementPort, Path logDir, Progress progress) {
    Path script = home.resolve("bin/kc.sh");
    if (!Files.isExecutable(script)) {
      throw new HarnessException(
          "no Keycloak at " + home + " (build it with ./mvnw -DskipTests install)");
    }
    requireFree(httpPort);
    requireFree(managementPort);
    installRealm(home, realmJson);
    progress.step("Keycloak: starting on http://127.0.0.1:" + httpPort);
    ManagedProcess process =
        ManagedProcess.start(
            "Keycloak",
            List.of(
                script.toString(),
                "start-dev",
                "--db=dev-mem",
                "--http-host=127.0.0.1",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--import-realm"),
            home,
            Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "JAVA_OPTS_APPEND", "-Djava.net.preferIPv4Stack=true"),
            logDir.resolve("keycloak.log"));
    return new KeycloakServer(process, httpPort, Instant.now());
  }

  /** Waits until the realm's discovery document answers 200; stops Keycloak if it never does. */
  public KeycloakServer awaitReady(Duration timeout, Progress progress) {
    try {
      process.awaitHttp(
          providerUrl() + "/.well-known/openid-configuration", s -> s == 200, timeout);
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
    startTime = Duration.between(startedAt, Instant.now());
    progress.step(
        String.format(
            "Keycloak: realm %s ready after %.1f s (pid %d)",
            REALM, startTime.toMillis() / 1000.0, process.pid()));
    return this;
  }

  /** Base URL, e.g. {@code http://127.0.0.1:8280}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + httpPort;
  }

  /** The realm's issuer: what WildFly gets as {@code EVERSEED_OIDC_PROVIDER_URL}. */
  public String providerUrl() {
    return baseUrl() + "/realms/" + REALM;
  }

  public String tokenEndpoint() {
    return providerUrl() + "/protocol/openid-connect/token";
  }

  /**
   * An access token for a confidential client's service account (client credentials), e.g. {@link
   * #CI_CLIENT}: what tests send as {@code Authorization: Bearer} to the protected API.
   */
  public String serviceAccountToken(String clientId, String secret) {
    String form =
        "grant_type=client_credentials&client_id="
            + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(tokenEndpoint()))
                      .timeout(Duration.ofSeconds(30))
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .POST(HttpRequest.BodyPublishers.ofString(form))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      Matcher token = ACCESS_TOKEN.matcher(response.body());
      if (response.statusCode() != 200 || !token.find()) {
        throw new HarnessException(
            "no token for " + clientId + ": " + response.statusCode() + " " + response.body());
      }
      return token.group(1);
    } catch (IOException e) {
      throw new HarnessException("cannot reach Keycloak at " + tokenEndpoint(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HarnessException("interrupted while getting a token", e);
    }
  }

  /** How long the last start took until the realm answered. */
  public Duration startTime() {
    return startTime;
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return process.log();
  }

  @Override
  public void close() {
    process.close();
  }

  private static void installRealm(Path home, Path realmJson) {
    try {
      Path importDir = Files.createDirectories(home.resolve("data/import"));
      Files.copy(
          realmJson, importDir.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot install the realm " + realmJson, e);
    }
  }

  private static void requireFree(int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress("127.0.0.1", port));
    } catch (IOException e) {
      throw new HarnessException(
          "port " + port + " on 127.0.0.1 is already in use (another Keycloak or Everseed?)");
    }
  }
}
