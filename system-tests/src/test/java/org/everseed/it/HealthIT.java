package org.everseed.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.everseed.system.EverseedSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SystemExtension.class)
class HealthIT {
  @Test
  void applicationHealthIsUpWithTheDatabase(EverseedSystem system) throws Exception {
    HttpResponse<String> response = Http.get(system.wildFly().baseUrl() + "/api/v1/health");

    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("content-type").orElse("").contains("json"));
    assertTrue(response.body().contains("\"status\":\"UP\""), response.body());
    assertTrue(response.body().contains("\"database\":\"UP\""), response.body());
  }

  @Test
  void versionNamesProductServerAndSchema(EverseedSystem system) throws Exception {
    HttpResponse<String> response = Http.get(system.wildFly().baseUrl() + "/api/v1/version");

    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.body().contains("\"product\":\"Everseed\""), response.body());
    assertTrue(response.body().contains("WildFly 39"), response.body());
    assertTrue(response.body().matches(".*\"schemaVersion\":\"\\d+\".*"), response.body());
  }

  @Test
  void managementReadinessReportsTheDeploymentUp(EverseedSystem system) throws Exception {
    // MicroProfile checks inside EAR subdeployments are not registered by WildFly (WFLY-12835), so
    // the database check is the application's own /api/v1/health; this is the server's view.
    HttpResponse<String> response = Http.get(system.wildFly().managementUrl() + "/health/ready");

    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.body().contains("\"everseed.ear\":\"OK\""), response.body());
  }

  @Test
  void openApiDocumentDescribesTheRestApi(EverseedSystem system) throws Exception {
    HttpResponse<String> response = Http.get(system.wildFly().baseUrl() + "/openapi?format=JSON");

    assertEquals(200, response.statusCode(), response.body());
    assertTrue(
        response.body().contains("\"title\" : \"Everseed API\"")
            || response.body().contains("\"title\":\"Everseed API\""),
        response.body());
    assertTrue(response.body().contains("/api/v1/health"), response.body());
  }
}
