package org.everseed.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.everseed.system.EverseedSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * WildFly's HTTPS listener (issue 13): the application answers over TLS with the development
 * certificate the harness made, which a client must be given to trust.
 */
@ExtendWith(SystemExtension.class)
class HttpsIT {

  @Test
  void theApiAnswersOverHttpsToAClientThatTrustsTheDevelopmentCertificate(EverseedSystem system)
      throws Exception {
    HttpClient trusting = system.wildFly().tls().trustingClient(Duration.ofSeconds(5));
    HttpResponse<String> response =
        trusting.send(
            HttpRequest.newBuilder(URI.create(system.wildFly().httpsUrl() + "/api/v1/health"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.body().contains("\"status\":\"UP\""), response.body());
    assertEquals("https", response.uri().getScheme());
    assertTrue(response.sslSession().orElseThrow().getProtocol().startsWith("TLSv1."));
  }

  @Test
  void aClientThatDoesNotTrustTheCertificateIsRefused(EverseedSystem system) {
    HttpClient defaults = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    assertThrows(
        SSLHandshakeException.class,
        () ->
            defaults.send(
                HttpRequest.newBuilder(URI.create(system.wildFly().httpsUrl() + "/api/v1/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString()));
  }
}
