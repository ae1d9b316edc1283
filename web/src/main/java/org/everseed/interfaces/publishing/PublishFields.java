package org.everseed.interfaces.publishing;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.everseed.application.publishing.PublishRequest;
import org.everseed.domain.model.release.InvalidReleaseException;
import org.everseed.domain.model.release.ReleaseKind;
import org.everseed.domain.model.release.ReleaseNaming;
import org.everseed.interfaces.publishing.MultipartReader.Part;

/**
 * The non-file parts of a publish form, as they arrive: {@code name}, {@code version}, {@code
 * channel}, {@code kind}, {@code description}, {@code tags} (comma-separated), {@code folder} (the
 * root folder of a multi-file release), and the two that steer hashing and so must come before the
 * files: {@code pieceLength} and a {@code torrent} file part. Empty fields mean "guess it".
 */
final class PublishFields {
  /** The longest text field accepted, in characters. */
  static final int MAX_FIELD = 10_000;

  /** The largest imported torrent accepted, in bytes. */
  static final int MAX_TORRENT = 16 << 20;

  private static final String TORRENT = "torrent";
  private static final String PIECE_LENGTH = "pieceLength";

  private Optional<String> name = Optional.empty();
  private Optional<String> version = Optional.empty();
  private Optional<String> channel = Optional.empty();
  private Optional<String> kind = Optional.empty();
  private Optional<String> description = Optional.empty();
  private Optional<String> folder = Optional.empty();
  private Optional<Integer> pieceLength = Optional.empty();
  private Optional<byte[]> torrent = Optional.empty();
  private final List<String> tags = new ArrayList<>();

  /** Whether a part is one of the payload's files (any file part but the imported torrent). */
  static boolean isPayloadFile(Part part) {
    return part.fileName().isPresent() && !TORRENT.equals(part.name());
  }

  /**
   * Takes one non-file part.
   *
   * @param filesStarted whether payload files came before it: then a field that steers hashing is
   *     refused, since the hashing has already begun
   */
  void accept(Part part, boolean filesStarted) throws IOException {
    String field = part.name();
    if (filesStarted && (TORRENT.equals(field) || PIECE_LENGTH.equals(field))) {
      throw new InvalidReleaseException(field, "field '" + field + "' must come before the files");
    }
    if (TORRENT.equals(field)) {
      byte[] bytes = part.body().readNBytes(MAX_TORRENT + 1);
      if (bytes.length > MAX_TORRENT) {
        throw new InvalidReleaseException(TORRENT, "the torrent is larger than 16 MiB");
      }
      torrent = Optional.of(bytes);
      return;
    }
    String value = part.text(MAX_FIELD).strip();
    Optional<String> given = value.isEmpty() ? Optional.empty() : Optional.of(value);
    switch (field) {
      case "name" -> name = given;
      case "version" -> version = given;
      case "channel" -> channel = given;
      case "kind" -> kind = given.map(PublishFields::checkedKind);
      case "description" -> description = given;
      case "folder" -> folder = given;
      case "tags" -> {
        for (String tag : value.split(",")) {
          if (!tag.isBlank()) {
            tags.add(tag.strip());
          }
        }
      }
      case PIECE_LENGTH -> pieceLength = given.map(PublishFields::parsePieceLength);
      default ->
          throw new InvalidReleaseException(
              field,
              "unknown field '"
                  + field
                  + "'; fields are name, version, channel, kind, description, tags,"
                  + " pieceLength, folder, torrent and file parts");
    }
  }

  Optional<Integer> pieceLength() {
    return pieceLength;
  }

  Optional<byte[]> torrent() {
    return torrent;
  }

  /** The root folder of a multi-file release: given, or name-version (guessed if need be). */
  String folder(String firstFileName, Clock clock) {
    return folder.orElseGet(
        () -> {
          ReleaseNaming.Guess guess = new ReleaseNaming(clock).guess(firstFileName);
          return name.orElse(guess.name()) + "-" + version.orElse(guess.version());
        });
  }

  PublishRequest request() {
    return new PublishRequest(name, version, channel, kind, description, List.copyOf(tags));
  }

  private static String checkedKind(String text) {
    try {
      return ReleaseKind.parse(text).name();
    } catch (IllegalArgumentException e) {
      throw new InvalidReleaseException("kind", e.getMessage());
    }
  }

  private static int parsePieceLength(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new InvalidReleaseException(
          PIECE_LENGTH, "pieceLength must be a number of bytes, e.g. 262144");
    }
  }
}
