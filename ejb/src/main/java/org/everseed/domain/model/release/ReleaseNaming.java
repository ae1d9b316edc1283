package org.everseed.domain.model.release;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guesses a release's name and version from an uploaded file's name, so that publishing a build
 * artifact needs no form: {@code erp-server-2.4.1-linux-x64.tar.gz} becomes name {@code
 * erp-server}, version {@code 2.4.1-linux-x64}. Without a version in the name, the version is
 * today's date ({@code 2026.11.22}), which sorts and reads well for data drops.
 */
public final class ReleaseNaming {
  private static final List<String> COMPOUND_EXTENSIONS =
      List.of(".tar.gz", ".tar.xz", ".tar.bz2", ".tar.zst");

  /** A version starts at the first separator followed by a digit, or by 'v' and a digit. */
  private static final Pattern VERSION_START = Pattern.compile("[-_ ]v?(?=\\d)");

  private final Clock clock;

  public ReleaseNaming(Clock clock) {
    this.clock = clock;
  }

  /** The guessed name and version; never blank. */
  public Guess guess(String fileName) {
    String base = stripExtension(lastSegment(fileName));
    Matcher m = VERSION_START.matcher(base);
    if (m.find() && m.start() > 0) {
      String name = base.substring(0, m.start());
      String version = base.substring(m.end());
      return new Guess(name, version);
    }
    String version =
        LocalDate.now(clock).format(DateTimeFormatter.ofPattern("yyyy.MM.dd", Locale.ROOT));
    return new Guess(base.isBlank() ? "release" : base, version);
  }

  static String lastSegment(String fileName) {
    String normalized = fileName.replace('\\', '/');
    int slash = normalized.lastIndexOf('/');
    return slash < 0 ? normalized : normalized.substring(slash + 1);
  }

  static String stripExtension(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String compound : COMPOUND_EXTENSIONS) {
      if (lower.endsWith(compound)) {
        return name.substring(0, name.length() - compound.length());
      }
    }
    int dot = name.lastIndexOf('.');
    // "erp-3.2.0" ends in a version, not an extension: numeric suffixes stay.
    if (dot <= 0 || name.substring(dot + 1).chars().allMatch(Character::isDigit)) {
      return name;
    }
    return name.substring(0, dot);
  }

  /** A guessed name and version. */
  public record Guess(String name, String version) {}
}
