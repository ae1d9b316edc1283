package org.everseed.api.rest.agent;

/**
 * {@code POST /api/v1/agents/{id}/heartbeat}: the agent is alive and runs {@code version}.
 *
 * @param version the agent's software version, which may have changed since enrolment
 */
public record AgentHeartbeat(String version) {}
