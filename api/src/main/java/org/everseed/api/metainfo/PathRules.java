package org.everseed.api.metainfo;

import java.util.List;

/**
 * What a file path in a torrent may hold. A torrent names files an agent will create, so anything
 * that could escape the target folder or that a filesystem cannot store is refused.
 */
final class PathRules {

  private PathRules() {}

  static void check(List<String> path) {
    if (path.isEmpty()) {
      throw new InvalidMetainfoException("file path has no components");
    }
    String first = path.get(0);
    if (first.startsWith("/") || first.startsWith("\\")) {
      throw new InvalidMetainfoException(
          "file path '" + String.join("/", path) + "' is absolute; torrents hold relative paths");
    }
    for (String component : path) {
      checkComponent(component, path);
    }
  }

  static void checkComponent(String component, List<String> path) {
    String where = "file path '" + String.join("/", path) + "'";
    if (component.isEmpty()) {
      throw new InvalidMetainfoException(where + " has an empty component");
    }
    if (component.equals(".") || component.equals("..")) {
      throw new InvalidMetainfoException(
          where + " has a '" + component + "' component, which could leave the target folder");
    }
    for (int i = 0; i < component.length(); i++) {
      char c = component.charAt(i);
      if (c == '/' || c == '\\') {
        throw new InvalidMetainfoException(
            where + " has a path separator '" + c + "' inside the component '" + component + "'");
      }
      if (c == 0) {
        throw new InvalidMetainfoException(where + " has a NUL character, no filesystem allows it");
      }
    }
  }
}
