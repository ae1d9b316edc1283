package org.everseed.application.webseed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.everseed.api.metainfo.Metainfo;
import org.everseed.api.metainfo.TorrentCreator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayloadInspectionTest {
  @TempDir Path store;
  Path content;
  Metainfo metainfo;
  SeedablePayload payload;

  @BeforeEach
  void publish() throws IOException {
    content = Files.createDirectories(store.resolve("bundle"));
    Random random = new Random(7);
    for (String name : new String[] {"a.bin", "sub/b.bin", "c.bin"}) {
      byte[] bytes = new byte[40_000 + random.nextInt(30_000)];
      random.nextBytes(bytes);
      Files.createDirectories(content.resolve(name).getParent());
      Files.write(content.resolve(name), bytes);
    }
    metainfo = TorrentCreator.of(content).pieceLength(16_384).create();
    payload = new SeedablePayload(metainfo.infoHash(), metainfo.layout(), store);
  }

  @Test
  void anIntactPayloadPassesBothChecks() {
    assertTrue(PayloadInspection.sizes(payload).isEmpty());
    assertTrue(PayloadInspection.pieces(payload, metainfo).isEmpty());
  }

  @Test
  void aMissingFileIsNamed() throws IOException {
    Files.delete(content.resolve("sub/b.bin"));
    var finding = PayloadInspection.sizes(payload).orElseThrow();
    assertEquals(PayloadProblem.Kind.MISSING, finding.kind());
    assertTrue(finding.detail().contains("sub/b.bin"), finding.detail());
    assertTrue(finding.detail().contains("is missing"), finding.detail());
    assertTrue(finding.detail().contains("backup"), finding.detail());
  }

  @Test
  void aMissingFolderIsMissing() {
    var elsewhere = new SeedablePayload(metainfo.infoHash(), metainfo.layout(), store.resolve("x"));
    assertEquals(
        PayloadProblem.Kind.MISSING, PayloadInspection.sizes(elsewhere).orElseThrow().kind());
  }

  @Test
  void aTruncatedFileIsDamaged() throws IOException {
    byte[] bytes = Files.readAllBytes(content.resolve("c.bin"));
    Files.write(content.resolve("c.bin"), java.util.Arrays.copyOf(bytes, bytes.length - 1));
    var finding = PayloadInspection.sizes(payload).orElseThrow();
    assertEquals(PayloadProblem.Kind.DAMAGED, finding.kind());
    assertTrue(finding.detail().contains("c.bin"), finding.detail());
    assertTrue(finding.detail().contains(String.valueOf(bytes.length)), finding.detail());
  }

  @Test
  void aChangedByteIsFoundOnlyByTheThoroughCheck() throws IOException {
    byte[] bytes = Files.readAllBytes(content.resolve("sub/b.bin"));
    bytes[20_000] ^= 1;
    Files.write(content.resolve("sub/b.bin"), bytes);
    assertTrue(PayloadInspection.sizes(payload).isEmpty());
    var finding = PayloadInspection.pieces(payload, metainfo).orElseThrow();
    assertEquals(PayloadProblem.Kind.DAMAGED, finding.kind());
    assertTrue(finding.detail().contains("does not match"), finding.detail());
  }
}
