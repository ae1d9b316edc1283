package org.everseed.agent.swarm;

/**
 * A snapshot of a session for progress bars, status files and reports.
 *
 * @param bytesFromPeers piece data received from peers, duplicates and bad pieces included
 * @param bytesFromWebSeed piece data received from web seeds
 * @param bytesUploaded piece data sent to peers
 */
public record SessionStats(
    String name,
    String infoHash,
    String state,
    int piecesHave,
    int pieceCount,
    long bytesVerified,
    long totalBytes,
    long bytesFromPeers,
    long bytesFromWebSeed,
    long bytesUploaded,
    double downloadRate,
    double uploadRate,
    int peers,
    int bannedPeers,
    int hashFailures) {

  public double fraction() {
    return totalBytes == 0 ? 1.0 : (double) bytesVerified / totalBytes;
  }

  public boolean complete() {
    return piecesHave == pieceCount;
  }
}
