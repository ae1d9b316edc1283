package org.everseed.application.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.everseed.api.magnet.MagnetLink;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.metainfo.TorrentCreator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorrentPersonalizerTest {
  private static final String BASE = "http://127.0.0.1:8080";
  private static final String PASSKEY = "0123456789abcdef0123456789abcdef";

  @Test
  void callerUrlsReplaceTheStoredOnesAndTheInfoHashStays(@TempDir Path dir) throws IOException {
    Path file = Files.write(dir.resolve("tool-1.0.zip"), new byte[100_000]);
    Metainfo stored =
        TorrentCreator.of(file)
            .announce(BASE + "/announce")
            .announceTier(List.of("http://other/announce"))
            .webSeed(BASE + "/seed/")
            .create();

    Metainfo personal =
        Metainfo.parse(TorrentPersonalizer.personalize(stored.encoded(), BASE, PASSKEY));

    assertEquals(stored.infoHash(), personal.infoHash());
    assertEquals(List.of(BASE + "/announce/" + PASSKEY), personal.trackers());
    assertEquals(
        List.of(BASE + "/seed/" + PASSKEY + "/" + stored.infoHash().toHex() + "/"),
        personal.webSeeds());
    assertTrue(personal.announceList().isEmpty());
  }

  @Test
  void magnetCarriesTrackerWebSeedNameAndLength(@TempDir Path dir) throws IOException {
    Path file = Files.write(dir.resolve("data.csv"), new byte[5000]);
    Metainfo stored = TorrentCreator.of(file).create();

    MagnetLink magnet =
        MagnetLink.parse(TorrentPersonalizer.magnet(stored.encoded(), BASE, PASSKEY));

    assertEquals(stored.infoHash(), magnet.infoHash());
    assertEquals("data.csv", magnet.displayName().orElseThrow());
    assertEquals(List.of(BASE + "/announce/" + PASSKEY), magnet.trackers());
    assertEquals(5000, magnet.exactLength().getAsLong());
    assertEquals(1, magnet.webSeeds().size());
  }
}
