/**
 * The fleet: distribution agents and the passkeys that open the tracker and the web seed to agents
 * and to portal users.
 */
package org.everseed.domain.model.fleet;
