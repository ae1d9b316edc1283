/**
 * Storage: the narrow port the swarm reads and writes pieces through ({@link
 * org.everseed.agent.storage.PieceStorage}), its file-backed implementation mapping pieces onto the
 * torrent's files, the resume file that survives a crash, and the free-space check.
 */
package org.everseed.agent.storage;
