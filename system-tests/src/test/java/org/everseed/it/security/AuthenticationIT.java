package org.everseed.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.everseed.it.SystemExtension;
import org.everseed.system.EverseedSystem;
import org.everseed.system.Launcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Who gets in at all: tokens for the API, the login flow for the portal, nothing for the rest. */
@ExtendWith(SystemExtension.class)
class AuthenticationIT {

  @Test
  void apiWithoutTokenAnswers401AndNeverRedirectsToALoginPage(EverseedSystem system)
      throws Exception {
    String agents = system.wildFly().baseUrl() + "/api/v1/agents";
    for (String accept : new String[] {"application/json", "*/*", "text/html"}) {
      HttpResponse<String> response =
          Web.client()
              .send(
                  HttpRequest.newBuilder(URI.create(agents)).header("Accept", accept).GET().build(),
                  HttpResponse.BodyHandlers.ofString());

      assertEquals(401, response.statusCode(), "Accept: " + accept + " -> " + response.headers());
      assertTrue(
          response.headers().firstValue("www-authenticate").orElse("").startsWith("Bearer"),
          response.headers().toString());
    }
  }

  @Test
  void apiWithAValidTokenAnswers(EverseedSystem system) throws Exception {
    String token =
        new Keycloak(system.keycloak()).clientCredentials(Keycloak.CI_CLIENT, Keycloak.CI_SECRET);

    HttpResponse<String> response = Web.get(system.wildFly().baseUrl() + "/api/v1/channels", token);

    assertEquals(200, response.statusCode(), response.body());
  }

  @Test
  void tokenWithATamperedSignatureAnswers401(EverseedSystem system) throws Exception {
    String token =
        new Keycloak(system.keycloak()).clientCredentials(Keycloak.CI_CLIENT, Keycloak.CI_SECRET);
    String url = system.wildFly().baseUrl() + "/api/v1/channels";
    assertEquals(200, Web.get(url, token).statusCode(), "the untampered token must work");

    HttpResponse<String> response = Web.get(url, Keycloak.withTamperedSignature(token));

    assertEquals(401, response.statusCode(), response.body());
  }

  @Test
  void expiredTokenAnswers401(EverseedSystem system) throws Exception {
    String url = system.wildFly().baseUrl() + "/api/v1/channels";
    // The server fetches Keycloak's keys on first use; do that before the short clock starts.
    Web.get(
        url,
        new Keycloak(system.keycloak()).clientCredentials(Keycloak.CI_CLIENT, Keycloak.CI_SECRET));
    KeycloakAdmin admin = new KeycloakAdmin(system.keycloak());
    String secret =
        admin.createServiceAccountClient("it-short-lived-token", "publisher", ShortLived.SECONDS);
    String token =
        Keycloak.clientCredentials(system.keycloak().providerUrl(), "it-short-lived-token", secret);
    assertEquals(200, Web.get(url, token).statusCode(), "the token must work while it is valid");

    ShortLived.waitUntilPast(Keycloak.expiry(token));
    HttpResponse<String> response = Web.get(url, token);

    assertEquals(401, response.statusCode(), response.body());
  }

  @Test
  void publicEndpointsNeedNoToken(EverseedSystem system) throws Exception {
    String base = system.wildFly().baseUrl();
    assertEquals(200, Web.get(base + "/api/v1/health", null).statusCode());
    assertEquals(200, Web.get(base + "/api/v1/version", null).statusCode());
    assertEquals(200, Web.get(base + "/openapi", null).statusCode());
  }

  @Test
  void portalPageSendsTheBrowserToKeycloakLogin(EverseedSystem system) throws Exception {
    HttpResponse<String> response =
        Web.client()
            .send(
                HttpRequest.newBuilder(URI.create(system.wildFly().baseUrl() + "/"))
                    .header("Accept", "text/html")
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertEquals(302, response.statusCode(), response.body());
    String location = response.headers().firstValue("location").orElseThrow();
    assertTrue(
        location.startsWith(system.keycloak().providerUrl() + "/protocol/openid-connect/auth"),
        location);
    assertEquals("everseed-portal", Web.queryParameter(URI.create(location), "client_id"));
  }

  @Test
  void demoPublisherSignsInToThePortalWithTheCodeFlow(EverseedSystem system) throws Exception {
    HttpClient browser = Web.browser(new LoopbackCookies());
    String portal = system.wildFly().baseUrl() + "/";
    HttpResponse<String> first =
        browser.send(
            HttpRequest.newBuilder(URI.create(portal)).header("Accept", "text/html").build(),
            HttpResponse.BodyHandlers.ofString());
    URI login = URI.create(first.headers().firstValue("location").orElseThrow());

    URI backToPortal = Keycloak.submitLogin(browser, login, "publisher", "publisher-demo");
    assertTrue(backToPortal.toString().startsWith(portal), backToPortal.toString());
    HttpResponse<String> callback =
        browser.send(
            HttpRequest.newBuilder(backToPortal).build(), HttpResponse.BodyHandlers.ofString());
    // The application exchanges the code with its client secret and sends the browser on.
    assertEquals(302, callback.statusCode(), callback.body());
    // The portal's entry sends the signed-in browser on to the catalog.
    HttpResponse<String> entry =
        browser.send(
            HttpRequest.newBuilder(URI.create(portal)).header("Accept", "text/html").build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(302, entry.statusCode(), entry.body());
    assertEquals(
        portal + "catalog.xhtml", entry.headers().firstValue("location").orElse(""), "entry");
    HttpResponse<String> page =
        browser.send(
            HttpRequest.newBuilder(URI.create(portal + "catalog.xhtml"))
                .header("Accept", "text/html")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().contains("Everseed"), page.body());
    assertSecurityHeaders(page, system);
  }

  @Test
  void everyDemoAccountTheLauncherPrintsSignsIn(EverseedSystem system) throws Exception {
    Keycloak keycloak = new Keycloak(system.keycloak());
    for (Launcher.DemoAccount account : Launcher.DEMO_ACCOUNTS) {
      String token =
          keycloak.userToken(
              account.username(), account.password(), system.wildFly().baseUrl() + "/");

      String claims = Keycloak.claims(token);
      assertEquals(account.username(), Json.string(claims, "preferred_username"));
      // Each demo user holds the realm role of its name (publisher, auditor, admin).
      String realmRoles = claims.substring(claims.indexOf("\"realm_access\""));
      realmRoles = realmRoles.substring(0, realmRoles.indexOf(']') + 1);
      assertTrue(realmRoles.contains("\"" + account.username() + "\""), realmRoles);
    }
  }

  @Test
  void wrongPasswordDoesNotSignIn(EverseedSystem system) throws Exception {
    HttpClient browser = Web.browser(new LoopbackCookies());
    HttpResponse<String> first =
        browser.send(
            HttpRequest.newBuilder(URI.create(system.wildFly().baseUrl() + "/"))
                .header("Accept", "text/html")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    URI login = URI.create(first.headers().firstValue("location").orElseThrow());

    AssertionError refused =
        assertThrows(
            AssertionError.class,
            () -> Keycloak.submitLogin(browser, login, "publisher", "not-the-password"));

    assertTrue(refused.getMessage().contains("did not redirect"), refused.getMessage());
  }

  @Test
  void apiResponsesCarrySecurityHeadersToo(EverseedSystem system) throws Exception {
    assertSecurityHeaders(Web.get(system.wildFly().baseUrl() + "/api/v1/health", null), system);
  }

  private static void assertSecurityHeaders(HttpResponse<String> response, EverseedSystem system) {
    String csp = response.headers().firstValue("content-security-policy").orElse("");
    assertTrue(csp.contains("frame-ancestors 'none'"), csp);
    assertTrue(csp.contains("default-src 'self'"), csp);
    assertTrue(csp.contains("script-src 'self';"), csp);
    assertTrue(csp.contains("form-action 'self' " + system.keycloak().baseUrl()), csp);
    assertEquals("nosniff", response.headers().firstValue("x-content-type-options").orElse(""));
    assertEquals("DENY", response.headers().firstValue("x-frame-options").orElse(""));
    assertEquals("no-referrer", response.headers().firstValue("referrer-policy").orElse(""));
  }
}
