package org.everseed.api.metainfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/**
 * The deterministic payloads the committed interop torrents were made from (see {@code
 * interop/README.md} in the test resources). Each file's bytes come from {@link Random}, whose
 * algorithm the JDK specifies, seeded with the file's path, so every machine writes the same bytes.
 *
 * <p>Run directly to write them: {@code java Payloads.java <folder>}.
 */
public final class Payloads {

  /** A single file of 300,000 bytes: not a multiple of any piece length, so the last is short. */
  public static final String SINGLE_FILE = "single.bin";

  /** A folder of nested files, an empty one, and names whose sort order differs by component. */
  public static final String TREE = "tree";

  static final Map<String, Integer> TREE_FILES =
      Map.of(
          "a.txt", 1_000,
          "a-b.bin", 70_000,
          "a/b/c.bin", 50_000,
          "a/empty.dat", 0,
          "z/deep/er/file.bin", 33_333,
          "M/upper.bin", 20_480);

  private Payloads() {}

  /** Writes {@link #SINGLE_FILE} and the {@link #TREE} folder into {@code folder}. */
  public static void writeAll(Path folder) throws IOException {
    write(folder.resolve(SINGLE_FILE), SINGLE_FILE, 300_000);
    for (Map.Entry<String, Integer> file : TREE_FILES.entrySet()) {
      String relative = TREE + "/" + file.getKey();
      write(folder.resolve(relative), relative, file.getValue());
    }
  }

  /** Writes {@code length} bytes seeded by {@code seedName} to {@code target}. */
  public static void write(Path target, String seedName, int length) throws IOException {
    byte[] bytes = new byte[length];
    new Random(seedName.hashCode()).nextBytes(bytes);
    Files.createDirectories(target.getParent());
    Files.write(target, bytes);
  }

  public static void main(String[] args) throws IOException {
    writeAll(Path.of(args[0]));
  }
}
