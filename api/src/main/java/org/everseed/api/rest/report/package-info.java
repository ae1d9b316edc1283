/**
 * JSON documents of the distribution reports ({@code /api/v1/reports}): per release, who was
 * targeted, who completed and how fast, per site, and where the bytes came from (peers or the
 * server's web seed); per agent, what it holds and what failed.
 */
package org.everseed.api.rest.report;
