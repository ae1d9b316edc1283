/**
 * The swarm engine: one {@link org.everseed.agent.swarm.TorrentSession} per torrent talking to many
 * peers over the BEP 3 wire protocol. Decisions are pure, separately tested classes ({@link
 * org.everseed.agent.swarm.PiecePicker} for what to ask for, {@link
 * org.everseed.agent.swarm.Choker} for whom to serve); the session applies them to sockets, storage
 * and the tracker.
 */
package org.everseed.agent.swarm;
