/**
 * The swarm engine: one {@link org.everseed.agent.swarm.TorrentSession} per torrent, the
 * coordinator of small parts with one job each: bringing peers in ({@link
 * org.everseed.agent.swarm.Connector}), one peer's wire ({@link
 * org.everseed.agent.swarm.PeerConnection}) and protocol state ({@link
 * org.everseed.agent.swarm.Peer}), the download side ({@link
 * org.everseed.agent.swarm.RequestScheduler}) and the upload side ({@link
 * org.everseed.agent.swarm.UploadScheduler}), extensions, known peers, piece assembly and
 * verification, resume saving, announces and web seeds. Decisions are pure, separately tested
 * classes ({@link org.everseed.agent.swarm.PiecePicker} for what to ask for, {@link
 * org.everseed.agent.swarm.Choker} for whom to serve, {@link
 * org.everseed.agent.swarm.WebSeedPolicy} for what the web seed leaves to peers). The connections
 * themselves (transport, handshake, framing) are in {@code org.everseed.agent.peer}.
 */
package org.everseed.agent.swarm;
