package org.everseed.application.tracker;

import org.everseed.domain.model.tracking.SwarmAnswer;

/**
 * The tracker's answer to an accepted announce, before any transport encodes it.
 *
 * @param compact whether the client wants compact peers (BEP 23)
 * @param noPeerId whether the dictionary model may leave peer ids out
 */
public record AnnounceAnswer(
    int intervalSeconds,
    int minIntervalSeconds,
    SwarmAnswer swarm,
    boolean compact,
    boolean noPeerId) {}
