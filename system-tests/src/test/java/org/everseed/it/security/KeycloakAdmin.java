package org.everseed.it.security;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.everseed.system.KeycloakServer;

/**
 * Keycloak's admin REST API, signed in as the bootstrap administrator of the harness's Keycloak:
 * for tests that need a client the committed realm deliberately lacks.
 */
final class KeycloakAdmin {
  private final KeycloakServer server;
  private final String token;

  KeycloakAdmin(KeycloakServer server) throws Exception {
    this.server = server;
    HttpResponse<String> response =
        Web.client()
            .send(
                Web.form(
                    server.baseUrl() + "/realms/master/protocol/openid-connect/token",
                    Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "admin-cli",
                        "username",
                        KeycloakServer.ADMIN_USER,
                        "password",
                        KeycloakServer.ADMIN_PASSWORD)),
                HttpResponse.BodyHandlers.ofString());
    expect(200, response);
    this.token = Json.string(response.body(), "access_token");
  }

  /**
   * Creates a confidential client whose service account has {@code realmRole} and whose access
   * tokens live {@code tokenLifespanSeconds}; returns its secret.
   */
  String createServiceAccountClient(String clientId, String realmRole, int tokenLifespanSeconds)
      throws Exception {
    return createServiceAccountClient(clientId, java.util.List.of(realmRole), tokenLifespanSeconds);
  }

  /** Creates a realm role, such as a team's role that channel grants name. */
  void createRealmRole(String name) throws Exception {
    expect(
        201,
        send(
            "POST",
            server.baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/roles",
            "{\"name\":" + Json.quote(name) + "}"));
  }

  /** The same with several realm roles for the service account. */
  String createServiceAccountClient(
      String clientId, java.util.List<String> realmRoles, int tokenLifespanSeconds)
      throws Exception {
    String secret = UUID.randomUUID().toString();
    String realm = server.baseUrl() + "/admin/realms/" + KeycloakServer.REALM;
    HttpResponse<String> created =
        send(
            "POST",
            realm + "/clients",
            "{\"clientId\":"
                + Json.quote(clientId)
                + ",\"secret\":"
                + Json.quote(secret)
                + ",\"publicClient\":false,\"serviceAccountsEnabled\":true,"
                + "\"standardFlowEnabled\":false,\"directAccessGrantsEnabled\":false,"
                + "\"attributes\":{\"access.token.lifespan\":\""
                + tokenLifespanSeconds
                + "\"}}");
    expect(201, created);
    String location = created.headers().firstValue("location").orElseThrow();
    String clientUuid = location.substring(location.lastIndexOf('/') + 1);
    HttpResponse<String> serviceAccount =
        send("GET", realm + "/clients/" + clientUuid + "/service-account-user", null);
    expect(200, serviceAccount);
    String userId = Json.string(serviceAccount.body(), "id");
    for (String realmRole : realmRoles) {
      HttpResponse<String> role = send("GET", realm + "/roles/" + realmRole, null);
      expect(200, role);
      expect(
          204,
          send(
              "POST",
              realm + "/users/" + userId + "/role-mappings/realm",
              "[" + role.body() + "]"));
    }
    return secret;
  }

  private HttpResponse<String> send(String method, String url, String json) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return Web.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void expect(int status, HttpResponse<String> response) {
    if (response.statusCode() != status) {
      throw new AssertionError(
          response.request().method()
              + " "
              + response.request().uri()
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
  }
}
