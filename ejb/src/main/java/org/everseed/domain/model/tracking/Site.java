package org.everseed.domain.model.tracking;

/**
 * Where an agent runs (a data centre, an office): peers at the same site are introduced first so a
 * release crosses each WAN link about once. The empty name is the "unknown site".
 */
public record Site(String name) {
  public static final Site UNKNOWN = new Site("");

  public Site {
    if (name == null || name.length() > 100) {
      throw new IllegalArgumentException("a site name is at most 100 characters");
    }
  }
}
