package org.everseed.domain.model.release;

/** How a release's swarm looks: peers with everything, peers still downloading, completions. */
public record SwarmFigures(long seeders, long leechers, long completed) {
  public static final SwarmFigures NONE = new SwarmFigures(0, 0, 0);
}
