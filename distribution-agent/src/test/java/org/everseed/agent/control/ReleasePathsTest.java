package org.everseed.agent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.api.rest.agent.ReleaseAssignment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReleasePathsTest {

  @TempDir Path temp;

  private ReleasePaths paths() {
    Properties properties = new Properties();
    properties.putAll(
        Map.of(
            "server.url", "http://s",
            "keycloak.token-url", "http://k/token",
            "client.id", "c",
            "client.secret", "x",
            "channels", "a",
            "download.dir", temp.resolve("d").toString(),
            "target.dir", temp.resolve("t").toString()));
    properties.setProperty("insecure", "true"); // a plain-http test server
    return new ReleasePaths(AgentSettings.from(properties));
  }

  private static ReleaseAssignment release(String name, String channel) {
    return new ReleaseAssignment(1, name, "1", channel, "", "", false);
  }

  @Test
  void releaseFolderIsChannelThenNameThenVersion() {
    assertEquals(
        temp.resolve("t/a/b/n/1").toAbsolutePath(), paths().releaseFolder(release("n", "a/b")));
    assertEquals(
        temp.resolve("t/a/b/n-1").toAbsolutePath(), paths().legacyFolder(release("n", "a/b")));
  }

  /** Issue 14: these two shared {@code erp-server-2.4.1} before. */
  @Test
  void namesThatCollidedInTheOldLayoutGetDistinctFolders() {
    ReleasePaths paths = paths();
    ReleaseAssignment erpServer =
        new ReleaseAssignment(1, "erp-server", "2.4.1", "c", "", "", false);
    ReleaseAssignment erp = new ReleaseAssignment(2, "erp", "server-2.4.1", "c", "", "", false);
    assertEquals(paths.legacyFolder(erpServer), paths.legacyFolder(erp), "the old collision");
    assertNotEquals(paths.releaseFolder(erpServer), paths.releaseFolder(erp));
    assertFalse(ReleasePaths.nested(paths.releaseFolder(erpServer), paths.releaseFolder(erp)));
  }

  @Test
  void channelsOfDifferentDepthsCanNestAndThatIsDetected() {
    ReleasePaths paths = paths();
    Path outer = paths.releaseFolder(new ReleaseAssignment(1, "c", "v", "a/b", "", "", false));
    Path inner = paths.releaseFolder(new ReleaseAssignment(2, "v", "x", "a/b/c", "", "", false));
    assertTrue(ReleasePaths.nested(outer, inner));
    assertTrue(ReleasePaths.nested(inner, outer));
  }

  @ParameterizedTest
  @CsvSource({"n, ../x", "../../etc, a", "n, a//b", "n, .", "a\\b, c", "a/b, c", "., c"})
  void releaseFolderRefusesNamesThatClimbOut(String name, String channel) {
    assertThrows(
        IllegalArgumentException.class, () -> paths().releaseFolder(release(name, channel)));
  }

  @Test
  void stagingResumeAndMarkerAreNamedByInfoHash() {
    InfoHash hash = InfoHash.of(new byte[20]);
    String hex = "0".repeat(40);
    ReleasePaths paths = paths();
    assertEquals(temp.resolve("d").resolve(hex), paths.staging(hash));
    assertEquals(temp.resolve("d/.everseed").resolve(hex + ".resume"), paths.resumeFile(hash));
    assertEquals(
        temp.resolve("d/.everseed").resolve(hex + ".installed"), paths.installedMarker(hash));
  }
}
