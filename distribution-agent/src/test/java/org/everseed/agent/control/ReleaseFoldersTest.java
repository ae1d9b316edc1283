package org.everseed.agent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.everseed.agent.Agent;
import org.everseed.agent.RangeServer;
import org.everseed.agent.TestPayloads;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.metainfo.MetainfoBuilder;
import org.everseed.api.metainfo.TorrentCreator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: release folders are {@code <channel>/<name>/<version>}, so names that collided in the
 * old {@code <name>-<version>} layout install side by side, and old-layout folders are moved. The
 * server adds nothing to these cases, so a fake agent API and a web seed play it.
 */
class ReleaseFoldersTest {

  @TempDir Path temp;

  static Metainfo webSeeded(Path source, RangeServer webSeed) throws Exception {
    Metainfo created = TorrentCreator.of(source).pieceLength(64 * 1024).create();
    return new MetainfoBuilder(created.layout(), created.pieceLength(), created.pieceHashes())
        .webSeed(webSeed.baseUrl())
        .build();
  }

  static void await(BooleanSupplier condition) throws InterruptedException {
    while (!condition.getAsBoolean()) {
      Thread.sleep(50);
    }
  }

  static ControlPlane control(AgentSettings settings, Agent agent) {
    return new ControlPlane(
        settings,
        agent,
        new ServerClient(HttpClient.newHttpClient(), settings),
        settings
            .postInstallHook()
            .map(c -> new PostInstallHook(c, settings.hookTimeout(), settings.stateDir())),
        Executors.newScheduledThreadPool(2),
        message -> System.err.println("control: " + message));
  }

  @Test
  @Timeout(60)
  void namesThatCollidedBeforeInstallIntoDistinctFolders() throws Exception {
    // The same file name inside both, as two builds of one product would have.
    Path serverBuild = TestPayloads.write(temp.resolve("o1/erp.tar"), 700_000, 1);
    Path erpBuild = TestPayloads.write(temp.resolve("o2/erp.tar"), 900_000, 2);
    try (RangeServer seed1 = RangeServer.start(temp.resolve("o1"), 0);
        RangeServer seed2 = RangeServer.start(temp.resolve("o2"), 0);
        FakeAgentApi api = new FakeAgentApi()) {
      api.publish(1, "erp-server", "2.4.1", "apps", webSeeded(serverBuild, seed1));
      api.publish(2, "erp", "server-2.4.1", "apps", webSeeded(erpBuild, seed2));
      AgentSettings settings = AgentSettings.from(api.settings(temp.resolve("a"), "apps"));
      try (Agent agent = Agent.start(settings.engine());
          ControlPlane control = control(settings, agent)) {
        control.start();
        await(() -> api.reports(1, "COMPLETED") == 1 && api.reports(2, "COMPLETED") == 1);
      }
      Path target = temp.resolve("a/target/apps");
      assertEquals(
          TestPayloads.sha256(serverBuild),
          TestPayloads.sha256(target.resolve("erp-server/2.4.1/erp.tar")));
      assertEquals(
          TestPayloads.sha256(erpBuild),
          TestPayloads.sha256(target.resolve("erp/server-2.4.1/erp.tar")));
      assertFalse(Files.exists(target.resolve("erp-server-2.4.1")));
      assertEquals(0, api.reports(1, "FAILED") + api.reports(2, "FAILED"));
    }
  }

  @Test
  @Timeout(60)
  void anOldLayoutFolderIsMovedCheckedAndNotFetchedAgain() throws Exception {
    Path source = TestPayloads.write(temp.resolve("o/tool.tar"), 800_000, 3);
    Path hookRan = temp.resolve("hook-ran");
    try (RangeServer webSeed = RangeServer.start(temp.resolve("o"), 0);
        FakeAgentApi api = new FakeAgentApi()) {
      Metainfo torrent = webSeeded(source, webSeed);
      api.publish(5, "tool", "1.2", "apps", torrent);
      Properties p = api.settings(temp.resolve("a"), "apps");
      p.setProperty("hook.command", "touch '" + hookRan + "'");
      AgentSettings settings = AgentSettings.from(p);
      // What an agent before issue 14 left: <channel>/<name>-<version>, installed and reported.
      Path legacy = temp.resolve("a/target/apps/tool-1.2");
      Files.createDirectories(legacy);
      Files.copy(source, legacy.resolve("tool.tar"));
      Files.createDirectories(settings.stateDir());
      Files.writeString(
          settings.stateDir().resolve(torrent.infoHash().toHex() + ".installed"), "5\n");
      try (Agent agent = Agent.start(settings.engine());
          ControlPlane control = control(settings, agent)) {
        control.start();
        await(() -> api.polls() >= 3);
        assertEquals(1, agent.sessions().size(), "the moved release is seeded");
      }
      Path moved = temp.resolve("a/target/apps/tool/1.2/tool.tar");
      assertEquals(TestPayloads.sha256(source), TestPayloads.sha256(moved));
      assertFalse(Files.exists(legacy));
      assertEquals(0, webSeed.bytesSent(), "verified in place, nothing fetched again");
      assertFalse(Files.exists(hookRan), "installed and reported before: no hook again");
      assertEquals(0, api.reports(5, "STARTED") + api.reports(5, "FAILED"));
      assertTrue(
          Files.exists(settings.stateDir().resolve(torrent.infoHash().toHex() + ".installed")));
    }
  }
}
