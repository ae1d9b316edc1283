package org.everseed.it.reports;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Random;
import org.everseed.it.Http;
import org.everseed.it.security.Keycloak;
import org.everseed.system.EverseedSystem;

/**
 * Scripts a rollout: publishes through the API, enrols agents through the API, and writes agents'
 * reports and tracker completions at chosen offsets from the publication time (through JDBC, since
 * the server stamps reports with its own clock and the figures must be exact).
 */
public final class Rollout {
  private final EverseedSystem system;
  private final String agentToken;

  public Rollout(EverseedSystem system) throws Exception {
    this.system = system;
    this.agentToken = token(system, null);
  }

  /** A client-credentials token for CI ({@code null}: the agent client) or a demo user's. */
  public static String token(EverseedSystem system, String demoUser) throws Exception {
    Keycloak keycloak = new Keycloak(system.keycloak());
    if (demoUser == null) {
      return keycloak.clientCredentials(Keycloak.AGENT_CLIENT, Keycloak.AGENT_SECRET);
    }
    if (demoUser.equals("ci")) {
      return keycloak.clientCredentials(Keycloak.CI_CLIENT, Keycloak.CI_SECRET);
    }
    return keycloak.userToken(demoUser, demoUser + "-demo", system.wildFly().baseUrl() + "/");
  }

  static String api(EverseedSystem system, String path) {
    return system.wildFly().baseUrl() + "/api/v1" + path;
  }

  static JsonObject json(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new AssertionError(
          "expected " + status + " but got " + response.statusCode() + ": " + response.body());
    }
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  public long publish(String ciToken, String channel, String fileName) throws Exception {
    byte[] content = new byte[30_000];
    new Random(System.nanoTime()).nextBytes(content);
    HttpResponse<String> created =
        Http.postMultipart(
            api(system, "/releases"),
            ciToken,
            new Http.Multipart().field("channel", channel).file("file", fileName, content));
    return json(created, 201).getJsonObject("release").getJsonNumber("id").longValue();
  }

  public long enrol(String name, String site, String channel) throws Exception {
    HttpResponse<String> enrolled =
        Http.postJson(
            api(system, "/agents"),
            agentToken,
            "{\"name\":\""
                + name
                + "\",\"site\":\""
                + site
                + "\",\"version\":\"1.0\",\"channels\":[\""
                + channel
                + "\"]}");
    return json(enrolled, 200).getJsonNumber("agentId").longValue();
  }

  /** A report sent by the agent itself, stamped by the server now. */
  void reportNow(long agent, long release, String state) throws Exception {
    HttpResponse<String> sent =
        Http.postJson(
            api(system, "/agents/" + agent + "/reports"),
            agentToken,
            "{\"releaseId\":"
                + release
                + ",\"state\":\""
                + state
                + "\",\"bytesFromPeers\":0,\"bytesFromWebSeed\":0,\"durationMillis\":0,"
                + "\"message\":\"\"}");
    if (sent.statusCode() != 204) {
      throw new AssertionError(sent.statusCode() + ": " + sent.body());
    }
  }

  /** A report stamped {@code seconds} after the release's publication. */
  public void report(
      long agent,
      long release,
      String state,
      int seconds,
      long fromPeers,
      long fromWebSeed,
      Integer hookExitCode,
      String message)
      throws Exception {
    try (Connection c = system.database().connect();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into distribution_report (agent_id, release_id, state, bytes_from_peers,"
                    + " bytes_from_web_seed, duration_ms, hook_exit_code, message, reported_at)"
                    + " select ?, id, ?, ?, ?, ?, ?, ?, created_at + make_interval(secs => ?)"
                    + " from release where id = ?")) {
      ps.setLong(1, agent);
      ps.setString(2, state);
      ps.setLong(3, fromPeers);
      ps.setLong(4, fromWebSeed);
      ps.setLong(5, seconds * 1000L);
      ps.setObject(6, hookExitCode);
      ps.setString(7, message);
      ps.setInt(8, seconds);
      ps.setLong(9, release);
      if (ps.executeUpdate() != 1) {
        throw new AssertionError("no release " + release);
      }
    }
  }

  /** A tracker {@code completed} announce from the agent, {@code seconds} after publication. */
  void trackerCompleted(long agent, String site, long release, int seconds) throws Exception {
    try (Connection c = system.database().connect();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into tracker_event (occurred_at, passkey, agent_id, site, info_hash,"
                    + " event, peer_id, ip, port, uploaded, downloaded, left_bytes)"
                    + " select created_at + make_interval(secs => ?),"
                    + " (select passkey from passkey where agent_id = ? and revoked_at is null),"
                    + " ?, ?, info_hash, 'COMPLETED', '2d4553303130302d000000000000000000000000',"
                    + " '127.0.0.1', 6881, 0, 30000, 0 from release where id = ?")) {
      ps.setInt(1, seconds);
      ps.setLong(2, agent);
      ps.setLong(3, agent);
      ps.setString(4, site);
      ps.setLong(5, release);
      if (ps.executeUpdate() != 1) {
        throw new AssertionError("no release " + release);
      }
    }
  }
}
