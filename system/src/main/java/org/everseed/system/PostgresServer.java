package org.everseed.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server the harness can administer: the one on 127.0.0.1:5432 when it answers,
 * otherwise a real embedded PostgreSQL (zonky) started on a free loopback port and stopped on
 * {@link #close()}. Never H2, never a mock.
 */
public final class PostgresServer implements AutoCloseable {
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

  private final String host;
  private final int port;
  private final String adminUser;
  private final EmbeddedPostgres embedded;

  private PostgresServer(String host, int port, String adminUser, EmbeddedPostgres embedded) {
    this.host = host;
    this.port = port;
    this.adminUser = adminUser;
    this.embedded = embedded;
  }

  /**
   * Uses the local server when {@code 127.0.0.1:5432} accepts the {@code postgres} superuser (trust
   * authentication, as on the development machines), otherwise starts an embedded one with its data
   * under {@code dataDir}.
   */
  public static PostgresServer resolve(Path dataDir, Progress progress) {
    return resolve(dataDir, progress, Integer.getInteger("everseed.pg.port", 5432));
  }

  /** As {@link #resolve(Path, Progress)}, probing {@code localPort} instead of 5432. */
  public static PostgresServer resolve(Path dataDir, Progress progress, int localPort) {
    String host = "127.0.0.1";
    int port = localPort;
    if (accepts(host, port) && canAdminister(host, port, "postgres")) {
      progress.step("PostgreSQL: using the server at " + host + ":" + port);
      return new PostgresServer(host, port, "postgres", null);
    }
    progress.step("PostgreSQL: none at " + host + ":" + port + ", starting an embedded one");
    try {
      Files.createDirectories(dataDir);
      EmbeddedPostgres pg =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("max_connections", "200")
              .start();
      progress.step("PostgreSQL: embedded server on " + host + ":" + pg.getPort());
      return new PostgresServer(host, pg.getPort(), "postgres", pg);
    } catch (IOException e) {
      throw new HarnessException(
          "cannot start an embedded PostgreSQL in " + dataDir + ": " + e.getMessage(), e);
    }
  }

  public int port() {
    return port;
  }

  public boolean isEmbedded() {
    return embedded != null;
  }

  /** The JDBC URL of one database on this server. */
  public String url(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /**
   * Makes sure a login role and a database owned by it exist.
   *
   * @param fresh drop and re-create the database, for tests that need an empty schema
   */
  public DatabaseCoordinates ensureDatabase(
      String database, String user, String password, boolean fresh) {
    requireIdentifier(database);
    requireIdentifier(user);
    try (Connection admin = DriverManager.getConnection(url("postgres"), adminUser, "");
        Statement st = admin.createStatement()) {
      if (!exists(admin, "select 1 from pg_roles where rolname = ?", user)) {
        st.execute("create role " + user + " login password '" + password.replace("'", "''") + "'");
      }
      if (fresh) {
        st.execute("drop database if exists " + database + " with (force)");
      }
      if (!exists(admin, "select 1 from pg_database where datname = ?", database)) {
        st.execute("create database " + database + " owner " + user);
      }
    } catch (SQLException e) {
      throw new HarnessException(
          "cannot prepare database "
              + database
              + " on "
              + host
              + ":"
              + port
              + ": "
              + DatabaseCoordinates.firstLine(e.getMessage()),
          e);
    }
    return new DatabaseCoordinates(url(database), user, password);
  }

  @Override
  public void close() {
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException e) {
        throw new HarnessException("embedded PostgreSQL did not stop cleanly", e);
      }
    }
  }

  private static boolean exists(Connection c, String sql, String value) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static void requireIdentifier(String name) {
    if (!IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException("not a plain SQL identifier: " + name);
    }
  }

  private static boolean accepts(String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean canAdminister(String host, int port, String user) {
    try (Connection c =
        DriverManager.getConnection(
            "jdbc:postgresql://" + host + ":" + port + "/postgres", user, "")) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }
}
