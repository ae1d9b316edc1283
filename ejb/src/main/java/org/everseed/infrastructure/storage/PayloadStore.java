package org.everseed.infrastructure.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;
import org.everseed.application.EverseedSettings;

/**
 * Payloads on disk: {@code <root>/<info-hash>/<torrent name>[/<path>...]}. Uploads are written
 * under {@code <root>/.staging/<random>} and moved into place in one rename once complete, so a
 * payload folder is never half-written.
 */
@ApplicationScoped
public class PayloadStore {
  @Inject EverseedSettings settings;

  public Path root() {
    return settings.payloadDir();
  }

  /** A new, empty staging folder on the payload volume. */
  public Path newStaging() {
    try {
      Path staging = root().resolve(".staging").resolve(UUID.randomUUID().toString());
      return Files.createDirectories(staging);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a staging folder under " + root(), e);
    }
  }

  /** Bytes that can still be written on the payload volume. */
  public long usableSpace() {
    try {
      Path root = Files.createDirectories(root());
      return Files.getFileStore(root).getUsableSpace();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read free space of " + root(), e);
    }
  }

  /**
   * Moves a complete staging folder to its final place, named by info-hash.
   *
   * @return the path relative to the store's root
   */
  public String commit(Path staging, String infoHashHex) {
    Path target = root().resolve(infoHashHex);
    try {
      if (Files.exists(target)) {
        // Left over by a publish that failed after moving; the same info-hash means the same bytes.
        delete(target);
      }
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      return infoHashHex;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move the upload into " + target, e);
    }
  }

  /** The absolute location of a stored payload. */
  public Path resolve(String relativePath) {
    Path resolved = root().resolve(relativePath).normalize();
    if (!resolved.startsWith(root().normalize())) {
      throw new IllegalArgumentException("payload path escapes the store: " + relativePath);
    }
    return resolved;
  }

  /** Deletes a folder tree, quietly if it is already gone. */
  public void delete(Path tree) {
    if (!Files.exists(tree)) {
      return;
    }
    try {
      Files.walkFileTree(
          tree,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc)
                throws IOException {
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + tree, e);
    }
  }
}
