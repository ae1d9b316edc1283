package org.everseed.agent.control;

import java.nio.file.Path;
import org.everseed.api.metainfo.InfoHash;
import org.everseed.api.rest.agent.ReleaseAssignment;

/**
 * Where the daemon keeps each release: its release folder {@code
 * <target.dir>/<channel>/<name>/<version>}, its staging folder and resume file while it downloads,
 * and the marker saying it was installed and reported. Name and version are separate folders, so
 * {@code erp-server 2.4.1} and {@code erp server-2.4.1} no longer share one; releases placed by
 * older agents in {@code <channel>/<name>-<version>} are found by {@link #legacyFolder} and moved.
 */
final class ReleasePaths {

  private final Path targetDir;
  private final Path downloadDir;
  private final Path stateDir;

  ReleasePaths(AgentSettings settings) {
    this.targetDir = settings.targetDir().toAbsolutePath().normalize();
    this.downloadDir = settings.downloadDir();
    this.stateDir = settings.stateDir();
  }

  /**
   * {@code <target>/<channel>/<name>/<version>}.
   *
   * @throws IllegalArgumentException for a name that would climb out of the target folder
   */
  Path releaseFolder(ReleaseAssignment release) {
    return channelFolder(release).resolve(safe(release.name())).resolve(safe(release.version()));
  }

  /** {@code <target>/<channel>/<name>-<version>}: where agents before issue 14 placed it. */
  Path legacyFolder(ReleaseAssignment release) {
    return channelFolder(release).resolve(safe(release.name() + "-" + release.version()));
  }

  /**
   * Whether one folder lies within the other (channels of different depths can make {@code
   * a/b/<name>/<version>} hold {@code a/b/<name>/<version>/<x>/<y>}): such releases cannot both be
   * placed, since removing one would remove the other.
   */
  static boolean nested(Path one, Path other) {
    return one.startsWith(other) || other.startsWith(one);
  }

  private Path channelFolder(ReleaseAssignment release) {
    Path folder = targetDir;
    for (String component : release.channel().split("/")) {
      folder = folder.resolve(safe(component));
    }
    return folder;
  }

  /** The download folder every staging folder lives in (checked for free space). */
  Path downloadDir() {
    return downloadDir;
  }

  /** The folder for resume files, markers, hook logs and the status file. */
  Path stateDir() {
    return stateDir;
  }

  /** Where a release is downloaded before it is moved into its release folder. */
  Path staging(InfoHash infoHash) {
    return downloadDir.resolve(infoHash.toHex());
  }

  Path resumeFile(InfoHash infoHash) {
    return stateDir.resolve(infoHash.toHex() + ".resume");
  }

  /** Written once the hook ran and the server took the completion report. */
  Path installedMarker(InfoHash infoHash) {
    return stateDir.resolve(infoHash.toHex() + ".installed");
  }

  private static String safe(String component) {
    if (component.isEmpty()
        || component.equals(".")
        || component.equals("..")
        || component.contains("/")
        || component.contains("\\")
        || component.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("unsafe path component '" + component + "'");
    }
    return component;
  }
}
