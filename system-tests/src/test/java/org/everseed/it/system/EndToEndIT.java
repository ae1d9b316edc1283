package org.everseed.it.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.everseed.it.Http;
import org.everseed.it.SystemExtension;
import org.everseed.it.security.Keycloak;
import org.everseed.system.AgentProcess;
import org.everseed.system.EverseedSystem;
import org.everseed.system.KeycloakServer;
import org.everseed.system.Launcher;
import org.everseed.system.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rollout from end to end: three agent processes in two sites subscribe to a channel, a CI client
 * publishes a 64 MiB release into it with a client-credentials token (over https, as the launcher
 * prints it), and every agent (talking to the server over https only) fetches it from its peers and
 * the server's web seed, verifies it, installs it and reports back. Proves the installed bytes are
 * the published ones, the reports (3 completed, per site, bytes from peers), and the tracker's
 * completed count in the REST API and on the release's portal page.
 */
@ExtendWith(SystemExtension.class)
class EndToEndIT {
  private static final int RELEASE_BYTES = 64 << 20;
  private static final Duration AGENT_START = Duration.ofSeconds(60);
  private static final Duration ROLLOUT = Duration.ofSeconds(150);
  private static final Duration SWARM_FIGURES = Duration.ofSeconds(30);
  private static final Duration PUBLISH = Duration.ofSeconds(120);
  private static final Pattern SWARM_COMPLETED =
      Pattern.compile("id=\"swarm-completed\"[^>]*>\\s*(\\d+)\\s*<");

  @Test
  void ciPublishesAndThreeAgentsInTwoSitesInstallTheRelease(
      EverseedSystem system, @TempDir Path work) throws Exception {
    String run = Long.toString(System.nanoTime(), 36);
    String channel = "e2e/rollout-" + run;
    Path agentJar = Path.of(System.getProperty("everseed.agent.jar"));
    Path payload = work.resolve("rollout-1.0." + run + ".bin");
    byte[] sha256 = writeRandomFile(payload, RELEASE_BYTES, 42);

    Progress progress = Progress.console();
    openToStandardClients(system, channel);
    List<AgentProcess> agents = new ArrayList<>();
    try {
      for (String[] nameAndSite :
          new String[][] {{"berlin-1", "berlin"}, {"berlin-2", "berlin"}, {"paris-1", "paris"}}) {
        String name = "e2e-" + nameAndSite[0] + "-" + run;
        agents.add(
            AgentProcess.start(
                new AgentProcess.Spec(
                    agentJar,
                    work.resolve("agents").resolve(name),
                    name,
                    nameAndSite[1],
                    freePort(),
                    List.of(channel),
                    system.wildFly().httpsUrl(),
                    system.keycloak().tokenEndpoint(),
                    KeycloakServer.AGENT_CLIENT,
                    KeycloakServer.AGENT_SECRET,
                    Duration.ofSeconds(1),
                    system.wildFly().tls().certificate()),
                AGENT_START,
                progress));
      }

      // Published exactly as the launcher tells users to: its printed curl line, run by bash.
      JsonObject published =
          json(
              run(
                  Launcher.publishCommand(
                      system.keycloak().tokenEndpoint(),
                      system.wildFly().httpsUrl(),
                      system.wildFly().tls().certificate(),
                      channel,
                      payload),
                  PUBLISH));
      assertTrue(published.containsKey("release"), published.toString());
      progress.step("Published " + payload.getFileName() + " into " + channel);
      JsonObject release = published.getJsonObject("release");
      long releaseId = release.getJsonNumber("id").longValue();
      // <channel>/<name>/<version>/ (issue 14: names and versions no longer share one folder)
      Path folder = Path.of(release.getString("name"), release.getString("version"));

      awaitOrFail(
          "3 COMPLETED reports for release " + releaseId,
          ROLLOUT,
          agents,
          () ->
              latestStates(system, releaseId).values().stream().filter("COMPLETED"::equals).count()
                  == 3);

      progress.step("All three agents reported COMPLETED");
      for (AgentProcess agent : agents) {
        Path installed =
            agent.targetDir().resolve(channel).resolve(folder).resolve(payload.getFileName());
        assertTrue(Files.isRegularFile(installed), "not installed: " + installed);
        assertArrayEquals(sha256, sha256(installed), "bytes differ at " + installed);
      }

      Map<String, long[]> sites = completedBySite(system, releaseId);
      assertEquals(2, sites.get("berlin")[0], "completed in berlin");
      assertEquals(1, sites.get("paris")[0], "completed in paris");
      long fromPeers = sites.values().stream().mapToLong(s -> s[1]).sum();
      long fromWebSeed = sites.values().stream().mapToLong(s -> s[2]).sum();
      assertTrue(
          fromPeers + fromWebSeed >= 3L * RELEASE_BYTES,
          "every agent fetched the whole release: peers "
              + fromPeers
              + ", web seed "
              + fromWebSeed);
      assertTrue(
          fromPeers > 0,
          "offload ratio above zero: peers " + fromPeers + ", web seed " + fromWebSeed);

      String ciToken =
          system.keycloak().serviceAccountToken(KeycloakServer.CI_CLIENT, KeycloakServer.CI_SECRET);
      awaitOrFail(
          "the tracker's completed count of release " + releaseId + " to reach 3",
          SWARM_FIGURES,
          agents,
          () -> completedSwarmFigure(system, ciToken, releaseId) >= 3);
      assertEquals(3, completedSwarmFigure(system, ciToken, releaseId));

      // What an auditor sees: the distribution report through the API.
      String auditorToken =
          new Keycloak(system.keycloak())
              .userToken("auditor", "auditor-demo", system.wildFly().baseUrl() + "/");
      HttpResponse<String> reportResponse =
          Http.get(
              system.wildFly().baseUrl() + "/api/v1/reports/releases/" + releaseId, auditorToken);
      assertEquals(200, reportResponse.statusCode(), reportResponse.body());
      JsonObject report = json(reportResponse.body());
      assertEquals(3, report.getInt("targeted"), report.toString());
      assertEquals(3, report.getInt("completed"), report.toString());
      assertTrue(report.getJsonNumber("offloadRatio").doubleValue() > 0, report.toString());
      Map<String, Integer> completedPerSite = new HashMap<>();
      report
          .getJsonArray("sites")
          .forEach(
              site ->
                  completedPerSite.put(
                      site.asJsonObject().getString("site"),
                      site.asJsonObject().getInt("completed")));
      assertEquals(Map.of("berlin", 2, "paris", 1), completedPerSite, report.toString());
      progress.step(
          "Distribution report: 3/3 completed, offload ratio "
              + report.getJsonNumber("offloadRatio").doubleValue());

      // What an auditor sees on the release's page in the portal.
      HttpClient auditor =
          Keycloak.portalSession(system.wildFly().baseUrl() + "/", "auditor", "auditor-demo");
      HttpResponse<String> page =
          followRedirects(
              auditor,
              // published over https; the auditor's browser session is on the portal's http address
              URI.create(
                  published
                      .getString("webUrl")
                      .replace(system.wildFly().httpsUrl(), system.wildFly().baseUrl())));
      assertEquals(200, page.statusCode(), page.body());
      Matcher completedOnPage = SWARM_COMPLETED.matcher(page.body());
      assertTrue(completedOnPage.find(), page.body());
      assertEquals("3", completedOnPage.group(1), "completed on the release page");
    } finally {
      for (AgentProcess agent : agents) {
        agent.close();
      }
    }
  }

  /**
   * The agents here have no fleet certificate yet (enrolment with a CSR is the other half of issue
   * 13), so on a private channel they would take no peers and fetch from the web seed alone; the
   * channel is opened to standard clients and they exchange pieces over plaintext BitTorrent.
   */
  private static void openToStandardClients(EverseedSystem system, String channel)
      throws Exception {
    String base = system.wildFly().baseUrl();
    String ci =
        system.keycloak().serviceAccountToken(KeycloakServer.CI_CLIENT, KeycloakServer.CI_SECRET);
    HttpResponse<String> created =
        Http.postJson(
            base + "/api/v1/channels", ci, "{\"name\":\"" + channel + "\",\"description\":\"\"}");
    assertEquals(201, created.statusCode(), created.body());
    String admin = new Keycloak(system.keycloak()).userToken("admin", "admin-demo", base + "/");
    HttpResponse<String> opened =
        Http.sendJson(
            "PUT",
            base + "/api/v1/channels/" + channel + "/access",
            admin,
            "{\"openToStandardClients\":true}");
    assertEquals(200, opened.statusCode(), opened.body());
  }

  /** The latest report state per agent for a release (reports are an append-only history). */
  private static Map<Long, String> latestStates(EverseedSystem system, long releaseId) {
    Map<Long, String> states = new HashMap<>();
    try (Connection c = system.database().connect();
        PreparedStatement ps =
            c.prepareStatement(
                "select distinct on (agent_id) agent_id, state from distribution_report"
                    + " where release_id = ? order by agent_id, reported_at desc, id desc")) {
      ps.setLong(1, releaseId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          states.put(rs.getLong(1), rs.getString(2));
        }
      }
    } catch (Exception e) {
      throw new AssertionError("cannot read distribution reports", e);
    }
    return states;
  }

  /** Per site: completed agents, bytes from peers, bytes from the web seed. */
  private static Map<String, long[]> completedBySite(EverseedSystem system, long releaseId)
      throws Exception {
    Map<String, long[]> sites = new HashMap<>();
    try (Connection c = system.database().connect();
        PreparedStatement ps =
            c.prepareStatement(
                "select a.site, count(*), sum(r.bytes_from_peers), sum(r.bytes_from_web_seed)"
                    + " from distribution_report r join agent a on a.id = r.agent_id"
                    + " where r.release_id = ? and r.state = 'COMPLETED' group by a.site")) {
      ps.setLong(1, releaseId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sites.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
        }
      }
    }
    return sites;
  }

  private static long completedSwarmFigure(EverseedSystem system, String token, long releaseId) {
    try {
      HttpResponse<String> response =
          Http.get(system.wildFly().baseUrl() + "/api/v1/releases/" + releaseId, token);
      assertEquals(200, response.statusCode(), response.body());
      return json(response.body()).getJsonObject("release").getJsonNumber("completed").longValue();
    } catch (IOException e) {
      throw new AssertionError("cannot read release " + releaseId, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * Polls {@code done} until it holds; fails with the agents' logs if time runs out or one dies.
   */
  private static void awaitOrFail(
      String what, Duration timeout, List<AgentProcess> agents, BooleanSupplier done)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!done.getAsBoolean()) {
      for (AgentProcess agent : agents) {
        if (!agent.isAlive()) {
          throw new AssertionError(
              "agent " + agent.name() + " exited while waiting for " + what + agent.logTail());
        }
      }
      if (Instant.now().isAfter(deadline)) {
        StringBuilder logs = new StringBuilder();
        agents.forEach(a -> logs.append("\n").append(a.name()).append(a.logTail()));
        throw new AssertionError(
            "timed out after " + timeout.toSeconds() + " s waiting for " + what + logs);
      }
      Thread.sleep(500);
    }
  }

  /** GETs a portal page as the signed-in browser, following the portal's own redirects. */
  private static HttpResponse<String> followRedirects(HttpClient browser, URI url)
      throws IOException, InterruptedException {
    URI next = url;
    for (int hop = 0; hop < 5; hop++) {
      HttpResponse<String> response =
          browser.send(
              HttpRequest.newBuilder(next)
                  .header("Accept", "text/html")
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 3) {
        return response;
      }
      next = next.resolve(response.headers().firstValue("location").orElseThrow());
      assertEquals(url.getAuthority(), next.getAuthority(), "the portal sent the browser away");
    }
    throw new AssertionError("more than 5 redirects from " + url);
  }

  /** Runs a shell line with bash, bounded in time; answers its standard output. */
  private static String run(String line, Duration timeout) throws Exception {
    Process bash = new ProcessBuilder("bash", "-c", line).redirectErrorStream(true).start();
    try {
      CompletableFuture<byte[]> output =
          CompletableFuture.supplyAsync(
              () -> {
                try (InputStream in = bash.getInputStream()) {
                  return in.readAllBytes();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      if (!bash.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("did not finish within " + timeout.toSeconds() + " s: " + line);
      }
      String out = new String(output.get(), StandardCharsets.UTF_8);
      assertEquals(0, bash.exitValue(), line + "\n" + out);
      return out;
    } finally {
      bash.destroyForcibly();
    }
  }

  private static byte[] writeRandomFile(Path file, int size, long seed) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    Random random = new Random(seed);
    byte[] chunk = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int written = 0; written < size; written += chunk.length) {
        random.nextBytes(chunk);
        digest.update(chunk);
        out.write(chunk);
      }
    }
    return digest.digest();
  }

  private static byte[] sha256(Path file) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    byte[] buffer = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return digest.digest();
  }

  private static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    }
  }
}
