package org.everseed.it.catalog;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import org.everseed.it.Http;
import org.everseed.it.security.Keycloak;
import org.everseed.system.EverseedSystem;

/** Tokens for the demo identities and JSON parsing, for the catalog tests. */
final class Api {
  private Api() {}

  /** The CI service account: role publisher. */
  static String ci(EverseedSystem system) throws Exception {
    return new Keycloak(system.keycloak())
        .clientCredentials(Keycloak.CI_CLIENT, Keycloak.CI_SECRET);
  }

  static String user(EverseedSystem system, String name) throws Exception {
    return new Keycloak(system.keycloak())
        .userToken(name, name + "-demo", system.wildFly().baseUrl() + "/");
  }

  static String url(EverseedSystem system, String path) {
    return system.wildFly().baseUrl() + "/api/v1" + path;
  }

  static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  static JsonObject ok(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new AssertionError(
          "expected " + status + " but got " + response.statusCode() + ": " + response.body());
    }
    return json(response);
  }

  static Http.Multipart upload() {
    return new Http.Multipart();
  }
}
