package org.everseed.api.bencode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Replays the inputs kept in {@code regressions/}; see the README there. */
class BencodeRegressionTest {

  private static final BencodeDecoder DECODER = new BencodeDecoder();

  @TestFactory
  Stream<DynamicTest> keptInputsStillBehave() throws IOException, URISyntaxException {
    Path directory =
        Path.of(BencodeRegressionTest.class.getResource("regressions/README.md").toURI())
            .getParent();
    List<Path> inputs;
    try (Stream<Path> files = Files.list(directory)) {
      inputs = files.filter(p -> p.toString().endsWith(".bin")).sorted().toList();
    }
    assertFalse(inputs.isEmpty(), "no regression inputs found in " + directory);
    return inputs.stream()
        .map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> replay(path)));
  }

  private static void replay(Path path) throws IOException {
    byte[] input = Files.readAllBytes(path);
    String name = path.getFileName().toString();
    if (name.startsWith("accept-")) {
      assertArrayEquals(input, BencodeEncoder.encode(DECODER.decode(input)));
    } else {
      assertTrue(name.startsWith("reject-"), "name must start with accept- or reject-: " + name);
      assertThrows(BencodeException.class, () -> DECODER.decode(input));
    }
  }
}
