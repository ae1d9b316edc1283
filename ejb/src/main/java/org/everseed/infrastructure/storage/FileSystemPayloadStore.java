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
import org.everseed.api.metainfo.InfoHash;
import org.everseed.domain.model.release.PayloadStore;
import org.everseed.domain.settings.StorageSettings;

/**
 * The payload store on disk: {@code <root>/<info-hash>/<torrent name>[/<path>...]}. Uploads are
 * written under {@code <root>/.staging/<random>} and moved into place in one rename once complete,
 * so a payload folder is never half-written.
 */
@ApplicationScoped
public class FileSystemPayloadStore implements PayloadStore {
  private Path root;

  /** For the CDI container's client proxy only. */
  protected FileSystemPayloadStore() {}

  @Inject
  public FileSystemPayloadStore(StorageSettings settings) {
    this.root = settings.payloadDir();
  }

  Path root() {
    return root;
  }

  @Override
  public Path newStaging() {
    try {
      Path staging = root().resolve(".staging").resolve(UUID.randomUUID().toString());
      return Files.createDirectories(staging);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a staging folder under " + root(), e);
    }
  }

  @Override
  public long usableSpace() {
    try {
      Path root = Files.createDirectories(root());
      return Files.getFileStore(root).getUsableSpace();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read free space of " + root(), e);
    }
  }

  @Override
  public String commit(Path staging, InfoHash infoHash) {
    String infoHashHex = infoHash.toHex();
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

  @Override
  public Path resolve(String relativePath) {
    Path resolved = root().resolve(relativePath).normalize();
    if (!resolved.startsWith(root().normalize())) {
      throw new IllegalArgumentException("payload path escapes the store: " + relativePath);
    }
    return resolved;
  }

  @Override
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
