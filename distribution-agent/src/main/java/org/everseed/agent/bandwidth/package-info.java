/**
 * Bandwidth: token buckets that cap upload and download rates for the whole agent, and rate meters
 * that the choker and the request pipeline size themselves by. Pure, with an injected clock.
 */
package org.everseed.agent.bandwidth;
