package org.everseed.api.rest.agent;

/**
 * {@code POST /api/v1/agents/{agentId}/reports}: what happened to one release on one agent, the raw
 * material of the audit's offload figures.
 *
 * @param bytesFromPeers piece data received from other peers so far
 * @param bytesFromWebSeed piece data received from the server's web seed so far
 * @param durationMillis time since the download started
 * @param hookExitCode the post-install hook's exit status; {@code null} if no hook ran
 * @param message a human-readable note, e.g. the failure's cause; may be {@code null}
 */
public record DistributionReport(
    long releaseId,
    DistributionState state,
    long bytesFromPeers,
    long bytesFromWebSeed,
    long durationMillis,
    Integer hookExitCode,
    String message) {}
