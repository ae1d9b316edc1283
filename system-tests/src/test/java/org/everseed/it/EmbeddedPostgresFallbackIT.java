package org.everseed.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.everseed.system.DatabaseCoordinates;
import org.everseed.system.PostgresServer;
import org.everseed.system.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where no PostgreSQL listens locally (a fresh machine, a CI runner without the service), the
 * harness starts a real embedded one instead; this forces that path with a port nothing uses.
 */
class EmbeddedPostgresFallbackIT {
  @Test
  void startsARealEmbeddedServerWhenNoneAnswers(@TempDir Path dataDir) throws Exception {
    int unused;
    try (ServerSocket probe = new ServerSocket(0)) {
      unused = probe.getLocalPort();
    }

    try (PostgresServer server = PostgresServer.resolve(dataDir, Progress.quiet(), unused)) {
      assertTrue(server.isEmbedded());
      assertNotEquals(unused, server.port());
      DatabaseCoordinates db = server.ensureDatabase("fallback_it", "everseed", "everseed", true);
      try (Connection c = db.connect();
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("select current_user, current_database()")) {
        rs.next();
        assertEquals("everseed", rs.getString(1));
        assertEquals("fallback_it", rs.getString(2));
      }
    }
  }
}
