package org.everseed.agent.webseed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.everseed.agent.webseed.WebSeedClient.FileRange;
import org.everseed.api.metainfo.ContentLayout;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.metainfo.MetainfoBuilder;
import org.junit.jupiter.api.Test;

class WebSeedClientTest {

  private static Metainfo single() {
    return new MetainfoBuilder(
            ContentLayout.singleFile("app 1.0.bin", 40_000), 16 * 1024, new byte[60])
        .build();
  }

  private static Metainfo multi() {
    return new MetainfoBuilder(
            ContentLayout.multiFile(
                "rel", Map.of(List.of("a.bin"), 20_000L, List.of("dir", "b é.bin"), 20_000L)),
            16 * 1024,
            new byte[60])
        .build();
  }

  @Test
  void singleFileUrlIsTheEntryItselfUnlessItEndsWithASlash() {
    Metainfo torrent = single();
    assertEquals(
        "http://h/seed/k/file",
        WebSeedClient.fileUrl("http://h/seed/k/file", torrent, torrent.files().get(0)));
    assertEquals(
        "http://h/seed/k/app%201.0.bin",
        WebSeedClient.fileUrl("http://h/seed/k/", torrent, torrent.files().get(0)));
  }

  @Test
  void multiFileUrlIsEntryNameAndPathPercentEncoded() {
    Metainfo torrent = multi();
    assertEquals(
        "http://h/s/rel/dir/b%20%C3%A9.bin",
        WebSeedClient.fileUrl("http://h/s/", torrent, torrent.files().get(1)));
    assertEquals(
        "http://h/s/rel/a.bin",
        WebSeedClient.fileUrl("http://h/s", torrent, torrent.files().get(0)));
  }

  @Test
  void aPieceAcrossTwoFilesNeedsTwoRanges() {
    Metainfo torrent = multi();
    // Piece 1 is bytes 16384..32767: the last 3616 bytes of a.bin and the first 12768 of b.
    assertEquals(
        List.of(
            new FileRange("http://h/s/rel/a.bin", 16_384, 19_999),
            new FileRange("http://h/s/rel/dir/b%20%C3%A9.bin", 0, 12_767)),
        WebSeedClient.rangesOf("http://h/s/", torrent, 1));
    assertEquals(
        List.of(new FileRange("http://h/s/rel/dir/b%20%C3%A9.bin", 12_768, 19_999)),
        WebSeedClient.rangesOf("http://h/s/", torrent, 2));
  }
}
