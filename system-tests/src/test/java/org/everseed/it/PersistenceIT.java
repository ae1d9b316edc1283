package org.everseed.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.everseed.system.EverseedSystem;
import org.everseed.system.KeycloakServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A real round trip: rows written in PostgreSQL are read back through JPA and the REST API. */
@ExtendWith(SystemExtension.class)
class PersistenceIT {
  @Test
  void flywayMigratedTheFreshDatabaseAtDeployment(EverseedSystem system) throws Exception {
    try (Connection c = system.database().connect();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("select count(*) from flyway_schema_history where success")) {
      rs.next();
      assertTrue(rs.getInt(1) >= 1, "no successful migration recorded");
    }
  }

  @Test
  void channelInsertedInTheDatabaseIsServedThroughJpa(EverseedSystem system) throws Exception {
    String name = "it/round-trip-" + System.nanoTime();
    try (Connection c = system.database().connect();
        PreparedStatement ps =
            c.prepareStatement("insert into channel (name, description) values (?, ?)")) {
      ps.setString(1, name);
      ps.setString(2, "written by PersistenceIT");
      assertEquals(1, ps.executeUpdate());
    }

    HttpResponse<String> response =
        Http.get(
            system.wildFly().baseUrl() + "/api/v1/channels",
            system
                .keycloak()
                .serviceAccountToken(KeycloakServer.CI_CLIENT, KeycloakServer.CI_SECRET));

    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.body().contains("\"name\":\"" + name + "\""), response.body());
    assertTrue(response.body().contains("written by PersistenceIT"), response.body());
    assertTrue(response.body().contains("\"name\":\"default\""), response.body());
  }

  @Test
  void databaseRejectsChannelNamesTheDomainRejects(EverseedSystem system) throws Exception {
    try (Connection c = system.database().connect();
        Statement st = c.createStatement()) {
      org.junit.jupiter.api.Assertions.assertThrows(
          java.sql.SQLException.class,
          () -> st.executeUpdate("insert into channel (name) values ('../etc')"));
    }
  }
}
