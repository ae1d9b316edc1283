/**
 * The fleet: distribution agents (enrolled by Keycloak clients with the {@code agent} role,
 * disabled and re-enabled by administrators) and the passkeys that open the tracker and the web
 * seed to agents and to portal users.
 */
package org.everseed.domain.model.fleet;
