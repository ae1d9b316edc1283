package org.everseed.domain.model.tracking;

/**
 * How a torrent's swarm stands.
 *
 * @param seeders peers with the whole torrent now
 * @param leechers peers still downloading now
 * @param completed downloads reported complete, ever
 */
public record SwarmStatistics(long seeders, long leechers, long completed) {
  public static final SwarmStatistics EMPTY = new SwarmStatistics(0, 0, 0);

  public SwarmStatistics plusCompleted(long more) {
    return new SwarmStatistics(seeders, leechers, completed + more);
  }
}
