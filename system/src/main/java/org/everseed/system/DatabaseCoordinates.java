package org.everseed.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * Where the application's database is and how it logs in: what WildFly gets as {@code
 * EVERSEED_DB_URL}, {@code EVERSEED_DB_USER} and {@code EVERSEED_DB_PASSWORD}.
 */
public record DatabaseCoordinates(String url, String user, String password) {

  /** The variables the server configuration reads (see {@code configure.cli}). */
  public Map<String, String> asEnvironment() {
    return Map.of(
        "EVERSEED_DB_URL", url, "EVERSEED_DB_USER", user, "EVERSEED_DB_PASSWORD", password);
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /**
   * Fails with one line that says what is wrong when the database cannot be reached, so that a bad
   * {@code EVERSEED_DB_URL} never turns into a wall of stack traces from the server.
   */
  public void verifyReachable() {
    try (Connection ignored = connect()) {
      // Reaching here is the whole check.
    } catch (SQLException e) {
      throw new HarnessException(
          "cannot connect to the database at "
              + url
              + " as "
              + user
              + ": "
              + firstLine(e.getMessage())
              + " (set EVERSEED_DB_URL, EVERSEED_DB_USER, EVERSEED_DB_PASSWORD)");
    }
  }

  static String firstLine(String message) {
    return message == null ? "no detail" : message.lines().findFirst().orElse("no detail");
  }
}
