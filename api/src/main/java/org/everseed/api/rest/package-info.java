/**
 * JSON documents of the REST API ({@code /api/v1}), as records shared by the server, the agent and
 * tests. Named by role ({@code HealthReport}, {@code ChannelSummary}), not after entities.
 */
package org.everseed.api.rest;
