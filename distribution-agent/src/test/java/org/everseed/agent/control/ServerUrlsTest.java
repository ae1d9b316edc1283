package org.everseed.agent.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The agent talks to the server over https only, unless told {@code insecure=true}. */
class ServerUrlsTest {

  private static Properties settings(String server, String token) {
    Properties p = new Properties();
    p.putAll(
        Map.of(
            "server.url", server,
            "keycloak.token-url", token,
            "client.id", "c",
            "client.secret", "s",
            "channels", "a",
            "download.dir", "/tmp/d",
            "target.dir", "/tmp/t"));
    return p;
  }

  @Test
  void anHttpServerUrlIsRefusedAndTheMessageSaysWhyAndHowToOverride() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> AgentSettings.from(settings("http://everseed.corp", "https://sso.corp/token")));
    assertTrue(
        refused.getMessage().contains("server.url must be an https URL"), refused.getMessage());
    assertTrue(refused.getMessage().contains("insecure=true"), refused.getMessage());
  }

  @Test
  void anHttpTokenUrlIsRefusedUnlessOnALoopbackAddress() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> AgentSettings.from(settings("https://everseed.corp", "http://sso.corp/token")));
    assertTrue(refused.getMessage().contains("keycloak.token-url"), refused.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> AgentSettings.from(settings("https://e", "http://127.0.0.1.nip.io/token")));
    assertDoesNotThrow(() -> AgentSettings.from(settings("https://e", "http://127.0.0.1:8280/t")));
    assertDoesNotThrow(() -> AgentSettings.from(settings("https://e", "http://[::1]:8280/t")));
    assertDoesNotThrow(() -> AgentSettings.from(settings("https://e", "http://localhost:8280/t")));
  }

  @Test
  void insecureAllowsPlainHttp() {
    Properties p = settings("http://everseed.corp", "http://sso.corp/token");
    p.setProperty("insecure", "true");
    AgentSettings settings = AgentSettings.from(p);
    assertEquals("http://everseed.corp", settings.serverUrl());
    assertTrue(settings.insecure());
  }

  @Test
  void httpsUrlsNeedNoOverride() {
    Properties p = settings("https://everseed.corp", "https://sso.corp/token");
    p.setProperty("server.trust", "/etc/everseed/server-ca.pem");
    AgentSettings settings = AgentSettings.from(p);
    assertEquals("/etc/everseed/server-ca.pem", settings.serverTrust().orElseThrow().toString());
  }
}
