package org.everseed.domain.model.release;

import java.util.Locale;
import java.util.Map;

/** What a release is, used for filtering and guessed from a file's extension when not given. */
public enum ReleaseKind {
  PATCH,
  APPLICATION,
  DATASET,
  IMAGE,
  DOCUMENT,
  OTHER;

  private static final Map<String, ReleaseKind> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("patch", PATCH),
          Map.entry("diff", PATCH),
          Map.entry("msu", PATCH),
          Map.entry("msp", PATCH),
          Map.entry("xdelta", PATCH),
          Map.entry("deb", APPLICATION),
          Map.entry("rpm", APPLICATION),
          Map.entry("msi", APPLICATION),
          Map.entry("exe", APPLICATION),
          Map.entry("jar", APPLICATION),
          Map.entry("war", APPLICATION),
          Map.entry("ear", APPLICATION),
          Map.entry("apk", APPLICATION),
          Map.entry("appimage", APPLICATION),
          Map.entry("zip", APPLICATION),
          Map.entry("tar", APPLICATION),
          Map.entry("tgz", APPLICATION),
          Map.entry("gz", APPLICATION),
          Map.entry("xz", APPLICATION),
          Map.entry("zst", APPLICATION),
          Map.entry("7z", APPLICATION),
          Map.entry("iso", IMAGE),
          Map.entry("img", IMAGE),
          Map.entry("qcow2", IMAGE),
          Map.entry("vmdk", IMAGE),
          Map.entry("vhd", IMAGE),
          Map.entry("vhdx", IMAGE),
          Map.entry("ova", IMAGE),
          Map.entry("wim", IMAGE),
          Map.entry("csv", DATASET),
          Map.entry("tsv", DATASET),
          Map.entry("parquet", DATASET),
          Map.entry("json", DATASET),
          Map.entry("jsonl", DATASET),
          Map.entry("avro", DATASET),
          Map.entry("orc", DATASET),
          Map.entry("sqlite", DATASET),
          Map.entry("db", DATASET),
          Map.entry("h5", DATASET),
          Map.entry("pdf", DOCUMENT),
          Map.entry("doc", DOCUMENT),
          Map.entry("docx", DOCUMENT),
          Map.entry("odt", DOCUMENT),
          Map.entry("md", DOCUMENT),
          Map.entry("txt", DOCUMENT),
          Map.entry("html", DOCUMENT),
          Map.entry("xlsx", DOCUMENT),
          Map.entry("pptx", DOCUMENT));

  /**
   * The kind a file with this name most likely is; {@link #OTHER} when the extension says nothing.
   */
  public static ReleaseKind guessFromFileName(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    int dot = lower.lastIndexOf('.');
    if (dot < 0 || dot == lower.length() - 1) {
      return OTHER;
    }
    return BY_EXTENSION.getOrDefault(lower.substring(dot + 1), OTHER);
  }

  /** Parses a kind case-insensitively, naming the accepted values when it fails. */
  public static ReleaseKind parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown kind '"
              + text
              + "'; one of patch, application, dataset, image, document, other");
    }
  }
}
