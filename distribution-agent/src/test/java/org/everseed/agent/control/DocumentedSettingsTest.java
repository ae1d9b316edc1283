package org.everseed.agent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The example settings in {@code docs/agent.md} are what operators copy: they must load as written,
 * with every value meaning what its comment says.
 */
class DocumentedSettingsTest {
  @Test
  void theDocumentedExampleLoadsAsWritten() throws Exception {
    String doc = Files.readString(Path.of("../docs/agent.md"));
    int start = doc.indexOf("```properties\n");
    assertTrue(start >= 0, "docs/agent.md has no properties example");
    String example = doc.substring(start + 14, doc.indexOf("```", start + 14));
    Properties properties = new Properties();
    properties.load(new StringReader(example));

    AgentSettings settings = AgentSettings.from(properties);

    assertEquals("https://everseed.example.com", settings.serverUrl());
    assertEquals("web-042", settings.name());
    assertEquals("paris", settings.site());
    assertEquals(List.of("patches/linux-x64", "tools"), settings.channels());
    assertEquals(Path.of("/srv/releases"), settings.targetDir());
    assertEquals(Duration.ofSeconds(30), settings.pollInterval());
    assertEquals(Duration.ofDays(7), settings.retention());
    assertEquals(3, settings.keepVersions());
    assertEquals("/usr/local/bin/deploy-release", settings.postInstallHook().orElseThrow());
    assertEquals(Duration.ofMinutes(10), settings.hookTimeout());
  }
}
