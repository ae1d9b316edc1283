package org.everseed.domain.model.tracking;

/**
 * The registry's answer to one announce: the swarm's counts (the requester included) and the peers
 * selected for it, {@code peers[0, count)}, best first.
 */
public record SwarmAnswer(long seeders, long leechers, Peer[] peers, int count) {}
