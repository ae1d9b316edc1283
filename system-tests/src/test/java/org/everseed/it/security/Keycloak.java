package org.everseed.it.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.everseed.system.KeycloakServer;

/**
 * Obtains tokens from the harness's Keycloak the way real clients do: client credentials for CI and
 * agents, the authorization-code flow through Keycloak's own login form for people.
 */
public final class Keycloak {
  public static final String CI_CLIENT = "ci-pipeline";
  public static final String CI_SECRET = "ci-pipeline-dev-secret";
  public static final String AGENT_CLIENT = "everseed-agent";
  public static final String AGENT_SECRET = "everseed-agent-dev-secret";
  public static final String PORTAL_CLIENT = "everseed-portal";
  public static final String PORTAL_SECRET = "everseed-portal-dev-secret";

  private static final Pattern LOGIN_FORM_ACTION =
      Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

  private final KeycloakServer server;

  public Keycloak(KeycloakServer server) {
    this.server = server;
  }

  /** An access token for a confidential client's service account. */
  public String clientCredentials(String clientId, String secret) throws Exception {
    return clientCredentials(server.providerUrl(), clientId, secret);
  }

  static String clientCredentials(String providerUrl, String clientId, String secret)
      throws Exception {
    HttpResponse<String> response =
        Web.client()
            .send(
                Web.form(
                    providerUrl + "/protocol/openid-connect/token",
                    Map.of(
                        "grant_type", "client_credentials",
                        "client_id", clientId,
                        "client_secret", secret)),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "token request failed: " + response.statusCode() + " " + response.body());
    }
    return Json.string(response.body(), "access_token");
  }

  /**
   * A person's access token, obtained as the portal obtains it: the authorization-code flow with
   * the {@code everseed-portal} client, signing in on Keycloak's login page. (The realm offers no
   * password grant.)
   */
  public String userToken(String username, String password, String redirectUri) throws Exception {
    HttpClient browser = Web.browser(new LoopbackCookies());
    // The portal client requires PKCE (S256), as the server's OIDC client uses it.
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    String challenge =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    String authorize =
        server.providerUrl()
            + "/protocol/openid-connect/auth?"
            + Web.query(
                Map.of(
                    "client_id", PORTAL_CLIENT,
                    "response_type", "code",
                    "scope", "openid",
                    "redirect_uri", redirectUri,
                    "state", "it-state",
                    "code_challenge", challenge,
                    "code_challenge_method", "S256"));
    String code = signIn(browser, URI.create(authorize), username, password, redirectUri);
    HttpResponse<String> tokens =
        browser.send(
            Web.form(
                server.tokenEndpoint(),
                Map.of(
                    "grant_type", "authorization_code",
                    "code", code,
                    "redirect_uri", redirectUri,
                    "client_id", PORTAL_CLIENT,
                    "client_secret", PORTAL_SECRET,
                    "code_verifier", verifier)),
            HttpResponse.BodyHandlers.ofString());
    if (tokens.statusCode() != 200) {
      throw new AssertionError(
          "code exchange failed: " + tokens.statusCode() + " " + tokens.body());
    }
    return Json.string(tokens.body(), "access_token");
  }

  /**
   * Signs {@code username} in to the portal at {@code portalUrl} with the code flow, as a browser
   * would, and answers the client that holds the session cookie (it follows no redirects).
   */
  public static HttpClient portalSession(String portalUrl, String username, String password)
      throws IOException, InterruptedException {
    HttpClient browser = Web.browser(new LoopbackCookies());
    HttpResponse<String> first =
        browser.send(
            HttpRequest.newBuilder(URI.create(portalUrl)).header("Accept", "text/html").build(),
            HttpResponse.BodyHandlers.ofString());
    URI login = URI.create(first.headers().firstValue("location").orElseThrow());
    URI back = submitLogin(browser, login, username, password);
    // The callback: the application exchanges the code and starts the session.
    browser.send(HttpRequest.newBuilder(back).build(), HttpResponse.BodyHandlers.discarding());
    return browser;
  }

  /**
   * Fills in Keycloak's login form found at {@code loginPage} and returns where Keycloak sends the
   * browser afterwards (a URL on {@code redirectUriPrefix} carrying {@code code}).
   */
  static URI submitLogin(HttpClient browser, URI loginPage, String username, String password)
      throws IOException, InterruptedException {
    HttpResponse<String> page =
        browser.send(
            HttpRequest.newBuilder(loginPage).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (page.statusCode() != 200) {
      throw new AssertionError("no login page at " + loginPage + ": " + page.statusCode());
    }
    Matcher action = LOGIN_FORM_ACTION.matcher(page.body());
    if (!action.find()) {
      throw new AssertionError("no login form on " + loginPage + ":\n" + page.body());
    }
    String postTo = action.group(1).replace("&amp;", "&");
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("username", username);
    fields.put("password", password);
    fields.put("credentialId", "");
    HttpResponse<String> afterLogin =
        browser.send(Web.form(postTo, fields), HttpResponse.BodyHandlers.ofString());
    if (afterLogin.statusCode() != 302) {
      throw new AssertionError(
          "login as "
              + username
              + " did not redirect: "
              + afterLogin.statusCode()
              + "\n"
              + afterLogin.body());
    }
    return URI.create(afterLogin.headers().firstValue("location").orElseThrow());
  }

  private static String signIn(
      HttpClient browser, URI authorize, String username, String password, String redirectUri)
      throws IOException, InterruptedException {
    URI back = submitLogin(browser, authorize, username, password);
    if (!back.toString().startsWith(redirectUri)) {
      throw new AssertionError("Keycloak sent the browser to " + back);
    }
    return Web.queryParameter(back, "code");
  }

  /** The token with one byte of its signature changed. */
  static String withTamperedSignature(String jwt) {
    int lastDot = jwt.lastIndexOf('.');
    byte[] signature = Base64.getUrlDecoder().decode(jwt.substring(lastDot + 1));
    signature[signature.length / 2] ^= 0x01;
    return jwt.substring(0, lastDot + 1)
        + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
  }

  /** The {@code exp} claim of a token, in epoch seconds. */
  static long expiry(String jwt) {
    return Json.number(claims(jwt), "exp");
  }

  /** The token's payload, as JSON text. */
  static String claims(String jwt) {
    return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
  }
}
