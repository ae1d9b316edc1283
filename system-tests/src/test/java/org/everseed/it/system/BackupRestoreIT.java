package org.everseed.it.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.it.Http;
import org.everseed.it.SystemExtension;
import org.everseed.it.reports.Rollout;
import org.everseed.system.DatabaseCoordinates;
import org.everseed.system.EverseedSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backup and restore drill of docs/operations.md, on the real server and PostgreSQL: stop the
 * server, {@code pg_dump -Fc} the database and copy the data folder, wipe both, restore them with
 * {@code pg_restore --clean --if-exists} and a copy back, start the server: the catalog, the
 * release report, the audit trail and the web seed are as they were.
 */
@ExtendWith(SystemExtension.class)
class BackupRestoreIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path backup;

  @Test
  void aBackupTakenWithTheDocumentedCommandsRestoresEverything(EverseedSystem system)
      throws Exception {
    DatabaseCoordinates db = system.database();
    assumeTrue(
        pgDumpMatches(db),
        "pg_dump of the database server's major version is not on the PATH (the embedded"
            + " PostgreSQL ships none); apt-get install postgresql-client runs this drill");
    Rollout rollout = new Rollout(system);
    String ci = Rollout.token(system, "ci");
    String auditor = Rollout.token(system, "auditor");
    long release = rollout.publish(ci, "it/backup", "drill-1.0.bin");
    assertEquals(
        201,
        Http.postJson(
                api(system, "/releases/" + release + "/comments"),
                auditor,
                "{\"body\":\"before the backup\"}")
            .statusCode());
    JsonObject details = get(system, "/releases/" + release, auditor);
    String report = Http.get(api(system, "/reports/releases/" + release), auditor).body();
    String audit = Http.get(api(system, "/audit?size=200"), auditor).body();
    Metainfo torrent =
        Metainfo.parse(Http.getBytes(details.getString("torrentUrl"), auditor).body());
    String seedUrl = torrent.webSeeds().get(0) + "drill-1.0.bin";
    byte[] payload = webSeed(seedUrl).body();
    assertEquals(torrent.totalLength(), payload.length);

    // Back up, as the operations guide says: server stopped, database first, then the data folder.
    system.wildFly().close();
    Path dump = backup.resolve("everseed.dump");
    run(pgDump(db, dump), db);
    Path dataCopy = backup.resolve("data");
    run(List.of("cp", "-a", system.dataDir().toString(), dataCopy.toString()));

    // The disaster: the schema and the data folder are gone.
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("drop schema public cascade");
      s.execute("create schema public");
    }
    run(List.of("rm", "-rf", system.dataDir().toString()));
    assertFalse(Files.exists(system.dataDir()));

    // Restore, then start.
    run(pgRestore(db, dump), db);
    run(List.of("cp", "-a", dataCopy.toString(), system.dataDir().toString()));
    system.restartWildFly();

    JsonObject restored = get(system, "/releases/" + release, auditor);
    assertEquals(details.getJsonObject("release"), restored.getJsonObject("release"));
    assertEquals(details.getJsonArray("files"), restored.getJsonArray("files"));
    // Compared as JSON values: the order of keys inside an audit event's details is not kept.
    assertEquals(
        json(report), json(Http.get(api(system, "/reports/releases/" + release), auditor).body()));
    assertEquals(json(audit), json(Http.get(api(system, "/audit?size=200"), auditor).body()));
    assertArrayEquals(payload, webSeed(seedUrl).body(), "the web seed serves the restored payload");
    assertEquals(
        "UP",
        json(Http.get(system.wildFly().baseUrl() + "/api/v1/health").body()).getString("status"));
    assertTrue(
        Http.get(api(system, "/releases/" + release + "/comments"), auditor)
            .body()
            .contains("before the backup"));
  }

  private static boolean pgDumpMatches(DatabaseCoordinates db) throws Exception {
    try (Connection c = db.connect()) {
      int server = c.getMetaData().getDatabaseMajorVersion();
      Process p = new ProcessBuilder("pg_dump", "--version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor(10, TimeUnit.SECONDS)
          && p.exitValue() == 0
          && out.matches("(?s).*\\s" + server + "\\.\\d+.*");
    } catch (IOException e) {
      return false;
    }
  }

  private static List<String> pgDump(DatabaseCoordinates db, Path dump) {
    List<String> command = new ArrayList<>(List.of("pg_dump", "-Fc", "-f", dump.toString()));
    command.addAll(connection(db));
    return command;
  }

  private static List<String> pgRestore(DatabaseCoordinates db, Path dump) {
    List<String> command =
        new ArrayList<>(List.of("pg_restore", "--clean", "--if-exists", "--exit-on-error"));
    command.addAll(connection(db));
    command.add(dump.toString());
    return command;
  }

  /** {@code jdbc:postgresql://host:port/name} as libpq options. */
  private static List<String> connection(DatabaseCoordinates db) {
    URI uri = URI.create(db.url().substring("jdbc:".length()));
    return List.of(
        "-h",
        uri.getHost(),
        "-p",
        String.valueOf(uri.getPort() < 0 ? 5432 : uri.getPort()),
        "-U",
        db.user(),
        "-d",
        uri.getPath().substring(1));
  }

  private static void run(List<String> command) throws Exception {
    run(command, null);
  }

  private static void run(List<String> command, DatabaseCoordinates db) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (db != null) {
      builder.environment().put("PGPASSWORD", db.password());
    }
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not finish within 120 s");
    }
    assertEquals(0, process.exitValue(), command + ": " + out);
  }

  private static String api(EverseedSystem system, String path) {
    return system.wildFly().baseUrl() + "/api/v1" + path;
  }

  private static JsonObject get(EverseedSystem system, String path, String token) throws Exception {
    HttpResponse<String> response = Http.get(api(system, path), token);
    assertEquals(200, response.statusCode(), response.body());
    return json(response.body());
  }

  private static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  private static HttpResponse<byte[]> webSeed(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}
